#!/usr/bin/env node
'use strict';
/**
 * Attributes a V8 .cpuprofile (node --cpu-prof) to the layers of an HTTP step, for docs/performance.md.
 * node tools/profile-layers.js <file.cpuprofile> [top-n]; env WINDOW=39-49 keeps the samples of those seconds
 * (the measured load, not the seeding); BY=priority gives each sample to the most specific layer on its
 * stack (codec over reply over command over framework; the middlewares that call the next one, logging and
 * parsing, only where they are the innermost layer); LAYER=<name> lists that layer's functions.
 */
const fs = require('fs');
const file = process.argv[2];
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const rules = [
  ['logging', /operations\/(json-logger|request-observer|metrics)|prom-client/],
  ['sealer', /audit\/src\/integrity/],
  ['codec', /personal-data\/src\/(personal-data\.codec|sqlite-key-store|key-store)/],
  ['projections', /libs\/projections/],
  ['auth', /libs\/auth\/|costly-routes|throttler/],
  ['parsing/validation', /body-parser|raw-body|iconv-lite|node_modules\/zod|kernel\/src\/(parse-body|json-limits|validation-messages)|body-limits|content-type/],
  ['reply', /mentorships\/src\/queries|people\/src\/people\.repository|mentorship\/(view|available|step-policy|deadlines)|documents\/src/],
  ['command', /kernel\/src\/(handle-command|stream-commands|envelope|ids|clock|command-context|event-bounded)|mentorships\/src\/(commands|mentorship\.|mentor-load)|state-machines|node_modules\/xstate|event-store\/src|better-sqlite3/],
  ['framework', /@nestjs|node_modules\/(express|router|finalhandler|send|on-finished|qs|helmet|path-to-regexp|rxjs|iterare|fast-safe-stringify|mime|accepts|type-is|vary|etag|fresh|depd|setprototypeof|statuses|cookie|serve-static|parseurl|http-errors|merge-descriptors|negotiator|encodeurl|escape-html|media-typer|content-disposition|proxy-addr|forwarded|ipaddr|range-parser|utils-merge|methods|array-flatten|safe-buffer|debug|ms|ee-first|unpipe|destroy|uid-safe|fastify|@fastify|find-my-way|light-my-request|avvio|pino)|apps\/api\/src\/(http|create-app|app\.module|page-api)|node:_http|node:http|node:net|node:stream|node:internal\/streams|node:internal\/http/],
];
const order = ['gc', 'idle', 'program', 'logging', 'sealer', 'codec', 'projections', 'auth', 'parsing/validation', 'JSON serialisation', 'reply', 'command', 'framework'];
const special = { '(garbage collector)': 'gc', '(idle)': 'idle', '(program)': 'program' };
const classify = (n) => {
  const f = n.callFrame;
  if (special[f.functionName]) return special[f.functionName];
  if (f.functionName === 'stringify' && /express\/lib\/response|fastify|fast-json/.test(f.url)) return 'JSON serialisation';
  for (const [l, re] of rules) if (re.test(f.url)) return l;
  return undefined;
};
const cls = new Map(p.nodes.map((n) => [n.id, classify(n)]));
const dt = p.timeDeltas; const samples = p.samples;
const self = {}, total = {}, fnSelf = {}, codecIn = {};
let all = 0; let t = 0; const [w0, w1] = (process.env.WINDOW || '0-1e9').split('-').map(Number);
for (let i = 0; i < samples.length; i++) {
  t += dt[i]; if (t / 1e6 < w0 || t / 1e6 >= w1) continue;
  const d = dt[i] / 1000; all += d;
  let id = samples[i]; let selfLayer; const seen = new Set();
  const leaf = byId.get(id).callFrame; const key = `${leaf.functionName || '(anon)'} ${leaf.url.replace(/.*\/(dist|node_modules)\//, '$1/')}:${leaf.lineNumber}`;
  fnSelf[key] = (fnSelf[key] || 0) + d;
  while (id !== undefined) { const c = cls.get(id); if (c) { if (!selfLayer) selfLayer = c; seen.add(c); } id = parent.get(id); }
  if (process.env.BY === 'priority') { for (const chained of ['logging', 'parsing/validation']) if (selfLayer !== chained) seen.delete(chained); selfLayer = order.find((l) => seen.has(l)) || selfLayer; }
  selfLayer = selfLayer || 'other (node internals, unattributed)';
  self[selfLayer] = (self[selfLayer] || 0) + d;
  for (const s of seen) total[s] = (total[s] || 0) + d;
  if (seen.has('codec')) { const ctx = ['projections','sealer','logging','auth','reply','command','framework'].find((l) => seen.has(l)) || 'none'; codecIn[ctx] = (codecIn[ctx] || 0) + d; }
}
const busy = all - (self.idle || 0);
console.log(`${file}: ${(all / 1000).toFixed(1)} s sampled, busy ${(busy / 1000).toFixed(1)} s`);
const layers = [...new Set([...Object.keys(self), ...Object.keys(total)])].filter((l) => l !== 'idle').sort((a, b) => (self[b] || 0) - (self[a] || 0));
console.log('| layer | self % of busy | total % of busy |'); console.log('|---|---:|---:|');
for (const l of layers) console.log(`| ${l} | ${((100 * (self[l] || 0)) / busy).toFixed(1)} | ${((100 * (total[l] || 0)) / busy).toFixed(1)} |`);
console.log('codec by caller (% of busy): ' + Object.entries(codecIn).map(([k, v]) => `${k} ${((100 * v) / busy).toFixed(1)}`).join(', '));
if (process.argv[3]) { console.log('\ntop self functions:'); Object.entries(fnSelf).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3])).forEach(([k, v]) => console.log(`${((100 * v) / busy).toFixed(1)}%  ${k}`)); }
if (process.env.LAYER) {
  // total time per function (any frame) among samples whose priority layer is LAYER
  const per = {}; let t2 = 0; const [w0, w1] = (process.env.WINDOW || '0-1e9').split('-').map(Number);
  for (let i = 0; i < samples.length; i++) {
    t2 += dt[i]; if (t2 / 1e6 < w0 || t2 / 1e6 >= w1) continue;
    let id = samples[i]; const seen = new Set(); const fns = new Set();
    while (id !== undefined) { const n = byId.get(id); const c = cls.get(id); if (c) seen.add(c); fns.add(`${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/(dist|node_modules)\//, '$1/')}:${n.callFrame.lineNumber}`); id = parent.get(id); }
    if ((order.find((l) => seen.has(l))) !== process.env.LAYER) continue;
    for (const f of fns) per[f] = (per[f] || 0) + dt[i] / 1000;
  }
  console.log(`\n${process.env.LAYER}: functions by total (% of busy)`);
  Object.entries(per).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(`${((100 * v) / busy).toFixed(1)}%  ${k}`));
}
