import { MentorshipRepository } from '../libs/workflow/src';
import { benchApp, orderedMentorships, repeatableStep } from './bench-app';
import { percentile, type Bench, type BenchRow } from './bench.types';

const STEPS_PER_LEVEL = Number(process.env.BENCH_STEPS || 20_000);

/** Durable steps through the command bus with 1, 16 and 256 concurrent curators, each on its own mentorship. */
const bench: Bench = async (log) => {
  const rows: BenchRow[] = [];
  const levels = (process.env.BENCH_CURATORS || '1,16,256').split(',').map(Number);
  for (const curators of levels) {
    const b = await benchApp();
    const ids = await orderedMentorships(b.bus, curators);
    const perCurator = Math.ceil(STEPS_PER_LEVEL / curators);
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(ids.map(async (id) => {
      for (let i = 0; i < perCurator; i++) {
        const t = performance.now();
        await b.bus.execute(repeatableStep(id));
        latencies.push(performance.now() - t);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const perSec = latencies.length / seconds;
    log(`${curators} curators: ${latencies.length} steps in ${seconds.toFixed(2)} s`);
    const target = curators === 256 ? '≥ 10,000/s' : undefined;
    rows.push({ bench: 'steps (command bus)', case: `${curators} curators, throughput`, value: perSec, unit: 'steps/s', target });
    rows.push({ bench: 'steps (command bus)', case: `${curators} curators, p50`, value: percentile(latencies, 50), unit: 'ms' });
    rows.push({ bench: 'steps (command bus)', case: `${curators} curators, p99`, value: percentile(latencies, 99), unit: 'ms', target: curators === 256 ? '≤ 10 ms' : undefined });
    await b.close();
  }
  return rows.concat(await loadCost(log));
};

/** Loading a mentorship as its stream grows: cold (fold everything) and warm (cached snapshot + tail read). */
async function loadCost(log: (l: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const b = await benchApp();
  const [id] = await orderedMentorships(b.bus, 1);
  let length = 4;
  for (const target of [10, 100, 1000]) {
    while (length < target) {
      await b.bus.execute(repeatableStep(id));
      length++;
    }
    const cold = [];
    for (let i = 0; i < 20; i++) {
      const repo = new MentorshipRepository(b.store);
      const t = performance.now();
      await repo.load(id);
      cold.push(performance.now() - t);
    }
    const repo = b.app.get(MentorshipRepository);
    await repo.load(id);
    const warm = [];
    for (let i = 0; i < 2000; i++) {
      const t = performance.now();
      await repo.load(id);
      warm.push(performance.now() - t);
    }
    cold.sort((x, y) => x - y);
    warm.sort((x, y) => x - y);
    log(`stream of ${target}: cold p50 ${percentile(cold, 50).toFixed(3)} ms, warm p50 ${percentile(warm, 50).toFixed(4)} ms`);
    rows.push({ bench: 'load mentorship', case: `${target} events, cold (full fold)`, value: percentile(cold, 50), unit: 'ms' });
    rows.push({ bench: 'load mentorship', case: `${target} events, warm (cached)`, value: percentile(warm, 50), unit: 'ms', target: '< 0.2 ms' });
  }
  await b.close();
  return rows;
}

export default bench;
