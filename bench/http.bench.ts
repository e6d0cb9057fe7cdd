import autocannon from 'autocannon';
import type { Bench, BenchRow } from './bench.types';
import { ADMIN_TOKEN, startServer, type Layout } from './http-server';
import { openLoop } from './http-open-loop';
import { repeatableStepBody, seedOrdered } from './http-seed';
import { scrapeMetrics, tailLine } from './metrics-delta';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS || 10);
/** Node flags of the measured server after those of the `start` script (e.g. `--cpu-prof`), space-separated. */
const NODE_ARGS = (process.env.BENCH_HTTP_NODE_ARGS || '').split(' ').filter(Boolean);
const BENCH = 'steps (HTTP)';

interface Load {
  connections: number;
  /** Steps per second offered (open loop); absent: each connection sends as fast as it is answered (autocannon). */
  offeredPerSec?: number;
}

/**
 * Mentorships in all, dealt round-robin to the connections: at 3,000 steps/s for 10 s each stream
 * grows by ~30 events, as a real one might in its life; a few streams taking all the steps would
 * grow answers (every view lists its replacement requests) far past a real one's.
 */
const MENTORSHIPS = Number(process.env.BENCH_HTTP_MENTORSHIPS || 1024);

/**
 * Durable steps over HTTP on loopback against the built server in its own process(es), each
 * connection a curator on mentorships of its own (the same mentorship twice at once would be a 409,
 * which is a different benchmark). Every answer carries the mentorship's view.
 */
async function run(layout: Layout, load: Load, log: (l: string) => void) {
  const server = await startServer(layout, {}, NODE_ARGS);
  try {
    const { curator, ids } = await seedOrdered(server.baseUrl, ADMIN_TOKEN, Math.max(MENTORSHIPS, load.connections));
    const headers = { authorization: `Bearer ${curator}`, 'content-type': 'application/json' };
    const paths: string[][] = Array.from({ length: load.connections }, () => []);
    ids.forEach((id, i) => paths[i % load.connections].push(`/api/mentorships/${id}/steps/request-replacement`));
    const cpuBefore = server.cpuSeconds();
    const metricsBefore = await scrapeMetrics(server.baseUrl);
    const f = load.offeredPerSec
      ? await openLoop(server.baseUrl, paths, headers, repeatableStepBody(), load.offeredPerSec, SECONDS)
      : await closedLoop(server.baseUrl, paths, headers);
    const cpuAfter = server.cpuSeconds();
    const metricsAfter = await scrapeMetrics(server.baseUrl);
    // Server CPU per answered step (the open loop's warm-up is in the CPU but not in `perSec × SECONDS`: a small overstatement).
    const cpuUs = cpuBefore !== undefined && cpuAfter !== undefined ? ((cpuAfter - cpuBefore) * 1e6) / (f.perSec * SECONDS) : undefined;
    log(`${describe(layout)}, ${load.connections} connections${load.offeredPerSec ? ` at ${load.offeredPerSec}/s` : ''}: ${Math.round(f.perSec)} 2xx/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ${f.failed} not 2xx${cpuUs ? `, server CPU ${Math.round(cpuUs)} µs/step` : ''}`);
    // Where the tail goes, as the (first) API process counts it.
    log(`    ${tailLine(metricsBefore, metricsAfter, SECONDS)}`);
    return { ...f, cpuUs };
  } finally {
    await server.stop();
  }
}

const describe = (l: Layout) =>
  l.kind === 'cluster' ? `${l.processes} API processes + projector process`
    : l.projections === 'thread' ? 'one process, projector thread' : l.projections === 'inline' ? 'one process, projections on the event loop' : 'PROJECTIONS=off + projector process';

async function closedLoop(baseUrl: string, paths: string[][], headers: Record<string, string>) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: paths.length,
    duration: SECONDS,
    setupClient: (client) => client.setRequests(paths[next++ % paths.length].map((path) => ({ method: 'POST', path, headers, body: repeatableStepBody() }))),
  });
  return { perSec: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

const bench: Bench = async (log) => {
  const rows: BenchRow[] = [];
  const single: Layout = { kind: 'single', projections: 'thread' };
  const inline: Layout = { kind: 'single', projections: 'inline' };
  const apart: Layout = { kind: 'single', projections: 'own-process' };
  const cluster: Layout = { kind: 'cluster', processes: 2 };
  const cases: { label: string; layout: Layout; load: Load; p99?: string; note?: string }[] = [
    { label: '64 connections', layout: single, load: { connections: 64 }, note: 'closed loop; one process, projector on its own thread (`npm start`)' },
    { label: '64 connections, projections on the event loop', layout: inline, load: { connections: 64 }, note: 'PROJECTIONS=inline' },
    { label: '64 connections, projector apart', layout: apart, load: { connections: 64 }, note: 'PROJECTIONS=off + `cli project`' },
    { label: '64 connections, 2 API processes', layout: cluster, load: { connections: 64 }, note: '`npm run start:cluster`: 2 API processes + projector' },
    { label: '256 connections, 1,500/s offered', layout: single, load: { connections: 256, offeredPerSec: 1_500 }, p99: '≤ 25 ms', note: 'open loop, latency from the due time' },
    { label: '256 connections, 1,500/s offered, 2 API processes', layout: cluster, load: { connections: 256, offeredPerSec: 1_500 }, p99: '≤ 25 ms', note: 'open loop' },
    { label: '256 connections, 3,000/s offered, 2 API processes', layout: cluster, load: { connections: 256, offeredPerSec: 3_000 }, p99: '≤ 25 ms', note: 'open loop, the target rate' },
  ];
  const only = process.env.BENCH_HTTP_CASES?.split(',').map(Number);
  for (const [i, c] of cases.entries()) {
    if (only && !only.includes(i + 1)) continue;
    const f = await run(c.layout, c.load, log);
    const note = [c.note, f.cpuUs ? `server CPU ${Math.round(f.cpuUs)} µs/step` : '', f.failed ? `${f.failed} not 2xx` : ''].filter(Boolean).join('; ');
    rows.push({ bench: BENCH, case: `${c.label}, throughput`, value: f.perSec, unit: 'steps/s', target: c.load.offeredPerSec ? undefined : '≥ 3,000/s', note });
    rows.push({ bench: BENCH, case: `${c.label}, p50`, value: f.p50, unit: 'ms' });
    rows.push({ bench: BENCH, case: `${c.label}, p99`, value: f.p99, unit: 'ms', target: c.p99 });
  }
  return rows;
};

export default bench;
