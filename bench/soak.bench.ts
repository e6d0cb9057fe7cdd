import { readFileSync } from 'node:fs';
import type { Bench, BenchRow } from './bench.types';
import { ADMIN_TOKEN, processTree, startServer, type Layout } from './http-server';
import { SoakTraffic } from './soak-traffic';

const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const RATE = Number(process.env.SOAK_RATE || 3000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS || 256);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS || 5);
const STEPS_PER_MENTORSHIP = Number(process.env.SOAK_STEPS_PER_MENTORSHIP || 40);
const LIMIT_MB = 300;

/** `single` (`npm start`, the default: the projector on a thread), `inline` (PROJECTIONS=inline), `apart` (PROJECTIONS=off + `cli project`) or `cluster` (`start:cluster`, 2 API processes). */
function layoutFromEnv(): Layout {
  const v = process.env.SOAK_LAYOUT || 'single';
  if (v === 'single') return { kind: 'single', projections: 'thread' };
  if (v === 'inline') return { kind: 'single', projections: 'inline' };
  if (v === 'apart') return { kind: 'single', projections: 'own-process' };
  if (v === 'cluster') return { kind: 'cluster', processes: Number(process.env.API_PROCESSES || 2) };
  throw new Error(`SOAK_LAYOUT=${v}: single, inline, apart or cluster`);
}

/** Resident memory in MB of a process and of each process below it (Linux `/proc`). */
function rssOfTree(pid: number): { pid: number; mb: number }[] {
  return processTree(pid).flatMap((p) => {
    try {
      return [{ pid: p, mb: Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))![1]) / 1024 }];
    } catch {
      return []; // gone meanwhile
    }
  });
}

interface Sample {
  at: number;
  ok: number;
  /** Per server process (a cluster's primary, its API processes, the projector), MB. */
  rss: number[];
  heapMb?: number;
  lagSeconds?: number;
}

const metric = (text: string, name: string) => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * The memory soak: the built server under a steady step load for `SOAK_SECONDS` (default 10 min),
 * resident memory of each of its processes sampled every `SOAK_SAMPLE_SECONDS`. Long, so it runs
 * only when named (`npm run soak`, or `npm run bench soak`), never in `npm run bench` alone.
 */
const bench: Bench = async (log) => {
  const layout = layoutFromEnv();
  const server = await startServer(layout);
  const pids = () => [server.pid, ...(server.projectorPid ? [server.projectorPid] : [])];
  try {
    const as = async (roles: string[]) => {
      const r = await fetch(`${server.baseUrl}/api/users`, {
        method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Нагрузка', roles }),
      });
      return ((await r.json()) as { token: string }).token;
    };
    const traffic = new SoakTraffic(server.baseUrl, { curator: await as(['curator']), head: await as(['head']) }, CONNECTIONS, STEPS_PER_MENTORSHIP);
    log(`${SECONDS} s at ${RATE} requests/s offered by ${CONNECTIONS} curators, ${STEPS_PER_MENTORSHIP} steps per mentorship, layout ${process.env.SOAK_LAYOUT || 'single'}`);
    const samples: Sample[] = [];
    const started = performance.now();
    const sample = async () => {
      const text = await fetch(`${server.baseUrl}/api/metrics`).then((r) => r.text(), () => '');
      const heap = metric(text, 'nodejs_heap_size_used_bytes');
      samples.push({
        at: (performance.now() - started) / 1000,
        ok: traffic.figures.ok,
        rss: pids().flatMap(rssOfTree).map((p) => p.mb),
        heapMb: heap === undefined ? undefined : heap / 2 ** 20,
        lagSeconds: metric(text, 'projection_lag_seconds'),
      });
    };
    await sample();
    const running = traffic.run(CONNECTIONS, RATE);
    const timer = setInterval(() => void sample(), SAMPLE_SECONDS * 1000);
    const minutes = setInterval(() => logMinute(samples, log), 60_000);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    traffic.stop();
    await running;
    clearInterval(timer);
    clearInterval(minutes);
    await sample();
    return verdict(samples, traffic.figures, log);
  } finally {
    await server.stop();
  }
};

const total = (s: Sample) => s.rss.reduce((a, b) => a + b, 0);
const largest = (s: Sample) => Math.max(...s.rss);

function logMinute(samples: Sample[], log: (l: string) => void) {
  const last = samples[samples.length - 1];
  const before = samples.find((s) => s.at >= last.at - 60) ?? samples[0];
  const rate = (last.ok - before.ok) / Math.max(1, last.at - before.at);
  log(`${(last.at / 60).toFixed(1).padStart(5)} min  ${Math.round(rate).toString().padStart(5)} writes/s  RSS ${last.rss.map((r) => r.toFixed(0)).join(' + ')} MB  heap ${last.heapMb?.toFixed(0) ?? '?'} MB  lag ${last.lagSeconds?.toFixed(1) ?? '?'} s`);
}

/** Least-squares slope of the largest process's RSS over the samples after the first fifth (warm-up), MB per minute. */
function slopePerMinute(samples: Sample[]): number {
  const s = samples.filter((x) => x.at >= samples[samples.length - 1].at / 5);
  const n = s.length;
  const mx = s.reduce((a, x) => a + x.at, 0) / n;
  const my = s.reduce((a, x) => a + largest(x), 0) / n;
  const cov = s.reduce((a, x) => a + (x.at - mx) * (largest(x) - my), 0);
  const varx = s.reduce((a, x) => a + (x.at - mx) ** 2, 0);
  return varx > 0 ? (cov / varx) * 60 : 0;
}

function verdict(samples: Sample[], f: { ok: number; failed: number; notOk: Record<string, number>; mentorships: number; people: number }, log: (l: string) => void): BenchRow[] {
  logMinute(samples, log);
  const seconds = samples[samples.length - 1].at;
  const peak = Math.max(...samples.map(largest));
  const peakTotal = Math.max(...samples.map(total));
  const afterWarmUp = samples.find((s) => s.at >= seconds / 5) ?? samples[0];
  const end = samples[samples.length - 1];
  const slope = slopePerMinute(samples);
  const met = peak < LIMIT_MB;
  const label = `${(seconds / 60).toFixed(0)} min, ${RATE.toLocaleString('en-US')}/s offered`;
  log(`${f.ok.toLocaleString('en-US')} writes answered 2xx, ${f.failed} not${f.failed ? ` (${Object.entries(f.notOk).map(([s, n]) => `${n}× ${s}`).join(', ')})` : ''}; ${f.mentorships.toLocaleString('en-US')} mentorships and ${f.people.toLocaleString('en-US')} people created`);
  log(`largest process RSS: ${afterWarmUp.rss.length > 1 ? 'per process ' : ''}peak ${peak.toFixed(0)} MB (${met ? 'under' : 'OVER'} ${LIMIT_MB} MB), after warm-up ${largest(afterWarmUp).toFixed(0)} MB, at the end ${largest(end).toFixed(0)} MB, trend ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MB/min`);
  return [
    { bench: 'soak', case: `${label}, throughput`, value: f.ok / seconds, unit: 'writes/s', note: `${f.mentorships.toLocaleString('en-US')} mentorships, ${f.people.toLocaleString('en-US')} people created${f.failed ? `; ${f.failed} not 2xx` : ''}` },
    { bench: 'soak', case: `${label}, RSS peak`, value: peak, unit: 'MB', target: `< ${LIMIT_MB} MB`, note: end.rss.length > 1 ? `largest process; all processes together ${peakTotal.toFixed(0)} MB` : met ? 'met' : 'not met' },
    { bench: 'soak', case: `${label}, RSS after warm-up → end`, value: largest(end) - largest(afterWarmUp), unit: 'MB', note: `${largest(afterWarmUp).toFixed(0)} → ${largest(end).toFixed(0)} MB; trend ${slope.toFixed(2)} MB/min after the first fifth` },
  ];
}

export default bench;
