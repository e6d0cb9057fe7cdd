import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { createProjections, ReadModelDatabase, rebuild } from '#libs/projections';
import { writeSyntheticLog } from '#testing/projections';
import type { Bench } from './bench.types';

const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS || 1_000_000);

/** Blue-green rebuild of every read model from a log of ≥ 1M events in an embedded store file. */
const bench: Bench = async (log) => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-rebuild-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    let t = performance.now();
    const written = await writeSyntheticLog(store, { mentorships: Math.ceil(EVENTS / 10), maxEvents: EVENTS });
    log(`log: ${written.toLocaleString('en-US')} events written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const db = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
    t = performance.now();
    const r = await rebuild(store, db, createProjections('Europe/Moscow'));
    log(`rebuild: ${r.events.toLocaleString('en-US')} events in ${r.seconds.toFixed(2)} s`);
    const rows = db.prepare(`SELECT COUNT(*) AS n FROM "g${r.generation}_mentorships"`).get() as { n: number };
    db.close();
    return [
      { bench: 'rebuild read models', case: `${written.toLocaleString('en-US')} events, throughput`, value: r.eventsPerSecond, unit: 'events/s', target: '≥ 100,000/s', note: `${rows.n.toLocaleString('en-US')} mentorships` },
      { bench: 'rebuild read models', case: `${written.toLocaleString('en-US')} events, wall time`, value: r.seconds, unit: 's' },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
