import { QueryBus } from '@nestjs/cqrs';
import { GetOrganisationAsOfQuery } from '#libs/audit';
import { writeSyntheticLog } from '#testing/projections';
import { GetMentorshipQuery } from '#libs/mentorships';
import type { Actor } from '#core/people';
import { benchApp, orderedMentorships, repeatableStep } from './bench-app';
import { percentile, type Bench, type BenchRow } from './bench.types';

const ORG_EVENTS = Number(process.env.BENCH_ASOF_ORG_EVENTS || 100_000);
const auditor: Actor = { userId: 'bench-auditor', orgId: 'bench', roles: ['auditor'] };

async function timed(runs: number, query: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await query();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** As-of queries (`?asOf=`, `?asOfRecorded=`, the organisation on a date) over the real query side on a durable embedded store. */
const bench: Bench = async (log) => {
  const rows: BenchRow[] = [];
  // Queries alone: the sealer would be hashing the freshly written log on the other core meanwhile.
  const b = await benchApp({ config: { AUDIT_SEALER: 'off' } });
  try {
    const queries = b.app.get(QueryBus);
    const [id] = await orderedMentorships(b.bus, 1);
    let length = 4;
    for (const target of [10, 100, 1000]) {
      while (length < target) {
        await b.bus.execute(repeatableStep(id));
        length++;
      }
      const runs = target === 1000 ? 100 : 500;
      const byDate = await timed(runs, () => queries.execute(new GetMentorshipQuery(id, auditor, undefined, { date: '2026-09-15' })));
      const byRecorded = await timed(runs, () => queries.execute(new GetMentorshipQuery(id, auditor, undefined, { recorded: new Date().toISOString() })));
      log(`mentorship of ${target} events: asOf p50 ${percentile(byDate, 50).toFixed(3)} ms, asOfRecorded p50 ${percentile(byRecorded, 50).toFixed(3)} ms`);
      rows.push(
        { bench: 'as-of', case: `mentorship, ${target} events, ?asOf= p50`, value: percentile(byDate, 50), unit: 'ms' },
        { bench: 'as-of', case: `mentorship, ${target} events, ?asOf= p99`, value: percentile(byDate, 99), unit: 'ms' },
        { bench: 'as-of', case: `mentorship, ${target} events, ?asOfRecorded= p50`, value: percentile(byRecorded, 50), unit: 'ms' },
        { bench: 'as-of', case: `mentorship, ${target} events, ?asOfRecorded= p99`, value: percentile(byRecorded, 99), unit: 'ms' },
      );
    }
    const t = performance.now();
    const written = await writeSyntheticLog(b.store, { mentorships: Math.ceil(ORG_EVENTS / 10), maxEvents: ORG_EVENTS, orgId: 'bench' });
    log(`organisation: ${written.toLocaleString('en-US')} more events written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const org = await timed(10, () => queries.execute(new GetOrganisationAsOfQuery(auditor, '2025-06-30')));
    const n = written.toLocaleString('en-US');
    rows.push(
      { bench: 'as-of', case: `organisation on a date, ${n} events, p50`, value: percentile(org, 50), unit: 'ms', note: 'replays the whole log' },
      { bench: 'as-of', case: `organisation on a date, ${n} events, p99`, value: percentile(org, 99), unit: 'ms', note: '10 runs' },
    );
    return rows;
  } finally {
    await b.close();
  }
};

export default bench;
