import { Agent, request } from 'node:http';
import { percentile } from './bench.types';

/** Connections opened and code warmed before the measured seconds begin. */
const WARM_UP_SECONDS = 2;

/**
 * Steps over HTTP at a fixed offered rate: each curator sends its next step when it falls due (or at
 * once, when late), and latency counts from the due time, so a stall is not hidden by sending less.
 * (autocannon's rate limit releases each second's requests in a burst, which measures the burst.)
 */
export async function openLoop(baseUrl: string, paths: string[][], headers: Record<string, string>, body: string, perSec: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: paths.length });
  const url = new URL(baseUrl);
  const post = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const latencies: number[] = [];
  let failed = 0;
  const interval = (1000 * paths.length) / perSec;
  const started = performance.now();
  const measured = started + WARM_UP_SECONDS * 1000;
  const until = measured + seconds * 1000;
  await Promise.all(paths.map(async (own, c) => {
    for (let i = 0; ; i++) {
      const due = started + (i + c / paths.length) * interval;
      if (due > until) return;
      const now = performance.now();
      if (due > now) await new Promise((r) => setTimeout(r, due - now));
      const status = await post(own[i % own.length]);
      if (due < measured) continue;
      if (status === 200) latencies.push(performance.now() - due);
      else failed++;
    }
  }));
  const elapsed = (performance.now() - measured) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSec: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}
