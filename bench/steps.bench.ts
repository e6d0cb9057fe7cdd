import { MentorshipRepository } from '#libs/mentorships';
import { benchApp, orderedMentorships, repeatableStep, type BenchAppOptions } from './bench-app';
import { percentile, type Bench, type BenchRow } from './bench.types';
import { stepLoad, stepRows } from './step-load';

const STEPS_PER_LEVEL = Number(process.env.BENCH_STEPS || 20_000);
/** One curator is fsync-bound: a few thousand steps tell its rate as well as twenty thousand. */
const stepsFor = (curators: number) => (curators === 1 ? Math.min(STEPS_PER_LEVEL, 3_000) : STEPS_PER_LEVEL);
const BENCH = 'steps (command bus)';

const bench: Bench = async (log) => {
  const { rows, add } = stepRows(BENCH, log);
  const run = (curators: number, options: BenchAppOptions & { offeredPerSec?: number } = {}) => stepLoad(curators, { ...options, steps: stepsFor(curators) });
  const levels = (process.env.BENCH_CURATORS || '1,16,256').split(',').map(Number);
  for (const curators of levels) {
    const top = curators === 256 ? { perSec: '≥ 10,000/s', p99: '≤ 10 ms' } : {};
    add(`${curators} curators`, await run(curators), top, curators === 256 ? 'closed loop: p50 ≈ 256 / throughput; sealer on (chain, tree, signed checkpoints)' : 'sealer on');
  }
  if (process.env.BENCH_VARIANTS !== '0' || process.env.BENCH_SEALER) {
    // The same load with the sealer off: what sealing (hash chain, Merkle tree, signed checkpoints) costs the command bus.
    for (const curators of levels.filter((c) => c === 1 || c === 256)) add(`${curators} curators, sealer off`, await run(curators, { config: { AUDIT_SEALER: 'off' } }), {}, 'no chain, no tree');
  }
  if (process.env.BENCH_VARIANTS !== '0') {
    add('256 curators, 10,000/s offered', await run(256, { offeredPerSec: 10_000 }), { p99: '≤ 10 ms' }, 'open loop, latency from the due time');
    add('256 curators, projections inline', await run(256, { projections: 'inline' }), {}, 'the read models in the same process, as `npm start`');
    add('256 curators, writer on main thread', await run(256, { writer: 'inline' }), {}, 'before: fsync on the event loop');
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
