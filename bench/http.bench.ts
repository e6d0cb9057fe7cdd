import autocannon from 'autocannon';
import type { Bench, BenchRow } from './bench.types';
import { ADMIN_TOKEN, startServer } from './http-server';
import { openLoop } from './http-open-loop';
import { repeatableStepBody, seedOrdered } from './http-seed';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS || 10);
const BENCH = 'steps (HTTP)';

interface Load {
  connections: number;
  /** Steps per second offered (open loop); absent: each connection sends as fast as it is answered (autocannon). */
  offeredPerSec?: number;
}

/** Each connection takes turns over its own few mentorships, so no stream grows far past a real one's length. */
const MENTORSHIPS_PER_CONNECTION = 4;

/**
 * Durable steps over HTTP on loopback against the built server in its own process, each connection a
 * curator on mentorships of its own (the same mentorship twice at once would be a 409, which is a
 * different benchmark). Every answer carries the mentorship's view.
 */
async function run(env: Record<string, string>, load: Load, log: (l: string) => void) {
  const server = await startServer(env);
  try {
    const { curator, ids } = await seedOrdered(server.baseUrl, ADMIN_TOKEN, load.connections * MENTORSHIPS_PER_CONNECTION);
    const headers = { authorization: `Bearer ${curator}`, 'content-type': 'application/json' };
    const paths = Array.from({ length: load.connections }, (_, c) =>
      ids.slice(c * MENTORSHIPS_PER_CONNECTION, (c + 1) * MENTORSHIPS_PER_CONNECTION).map((id) => `/api/mentorships/${id}/steps/request-replacement`));
    const f = load.offeredPerSec
      ? await openLoop(server.baseUrl, paths, headers, repeatableStepBody(), load.offeredPerSec, SECONDS)
      : await closedLoop(server.baseUrl, paths, headers);
    log(`${load.connections} connections${load.offeredPerSec ? ` at ${load.offeredPerSec}/s` : ''}: ${Math.round(f.perSec)} 2xx/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ${f.failed} not 2xx`);
    return f;
  } finally {
    await server.stop();
  }
}

async function closedLoop(baseUrl: string, paths: string[][], headers: Record<string, string>) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: paths.length,
    duration: SECONDS,
    setupClient: (client) => client.setRequests(paths[next++].map((path) => ({ method: 'POST', path, headers, body: repeatableStepBody() }))),
  });
  return { perSec: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

const bench: Bench = async (log) => {
  const rows: BenchRow[] = [];
  const cases: { label: string; env: Record<string, string>; load: Load; p99?: string; note?: string }[] = [
    { label: '64 connections', env: {}, load: { connections: 64 }, note: 'closed loop; projections inline, as `npm start`' },
    { label: '64 connections, PROJECTIONS=off', env: { PROJECTIONS: 'off' }, load: { connections: 64 }, note: 'projections in their own process' },
    { label: '256 connections, 1,500/s offered', env: {}, load: { connections: 256, offeredPerSec: 1_500 }, p99: '≤ 25 ms', note: 'open loop, latency from the due time' },
    { label: '256 connections, 1,500/s offered, PROJECTIONS=off', env: { PROJECTIONS: 'off' }, load: { connections: 256, offeredPerSec: 1_500 }, p99: '≤ 25 ms', note: 'open loop' },
  ];
  for (const c of cases) {
    const f = await run(c.env, c.load, log);
    const note = [c.note, f.failed ? `${f.failed} not 2xx` : ''].filter(Boolean).join('; ');
    rows.push({ bench: BENCH, case: `${c.label}, throughput`, value: f.perSec, unit: 'steps/s', target: c.load.offeredPerSec ? undefined : '≥ 3,000/s', note });
    rows.push({ bench: BENCH, case: `${c.label}, p50`, value: f.p50, unit: 'ms' });
    rows.push({ bench: BENCH, case: `${c.label}, p99`, value: f.p99, unit: 'ms', target: c.p99 });
  }
  return rows;
};

export default bench;
