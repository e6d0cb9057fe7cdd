import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchRow } from './bench.types';

/** Long runs (the 10-minute memory soak): only when named, `npm run bench soak` or `npm run soak`. */
const OPT_IN = ['soak.bench.js'];

/**
 * `npm run bench [name…]`: runs every `*.bench.js` next to this file (or those whose name
 * contains an argument) one after another and prints one table. Figures, never assertions.
 */
async function main(filters: string[]) {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') && (filters.length === 0 ? !OPT_IN.includes(f) : filters.some((x) => f.includes(x)))).sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    process.stderr.write(`▶ ${f}\n`);
    const mod = (await import(join(__dirname, f))) as { default: Bench };
    rows.push(...(await mod.default((line) => process.stderr.write(`  ${line}\n`))));
  }
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v >= 10 ? 1 : 3));
  const table = rows.map((r) => [r.bench, r.case, `${fmt(r.value)} ${r.unit}`, r.target ?? '', r.note ?? '']);
  const head = ['bench', 'case', 'result', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  process.stdout.write([line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n') + '\n');
  process.stdout.write(`\nnode ${process.version}, ${require('node:os').cpus().length} cores, ${new Date().toISOString()}\n`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
