import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { ChainSealer, verifyChains } from '#libs/audit';
import { writeSyntheticLog } from '#testing/projections';
import type { Bench } from './bench.types';

const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS || 1_000_000);

/** Seals a synthetic log of ≥ 1M events in an embedded store file into its hash chain, then verifies the whole chain. */
const bench: Bench = async (log) => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-verify-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    let t = performance.now();
    const written = await writeSyntheticLog(store, { mentorships: Math.ceil(EVENTS / 10), maxEvents: EVENTS });
    log(`log: ${written.toLocaleString('en-US')} events written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const sealer = new ChainSealer(store, { now: () => new Date() });
    const sealed = await sealer.sealToEnd();
    const sealSeconds = (performance.now() - t) / 1000;
    log(`seal: ${sealed.toLocaleString('en-US')} events in ${sealSeconds.toFixed(2)} s`);
    t = performance.now();
    let lastLog = 0;
    const result = await verifyChains(store, {
      now: () => new Date(),
      onProgress: (p) => {
        if (p.events - lastLog >= 250_000) log(`verify: ${(lastLog = p.events).toLocaleString('en-US')} events read…`);
      },
    });
    const verifySeconds = (performance.now() - t) / 1000;
    log(`verify: ${result.summary}`);
    if (!result.intact || result.checked !== written) throw new Error(`verification did not pass: ${result.summary}`);
    const n = written.toLocaleString('en-US');
    return [
      { bench: 'integrity', case: `seal ${n} events, throughput`, value: sealed / sealSeconds, unit: 'events/s', note: 'catch-up from an unsealed log' },
      { bench: 'integrity', case: `verify ${n} events, throughput`, value: result.checked / verifySeconds, unit: 'events/s', target: '≥ 200,000/s', note: `${result.logEvents.toLocaleString('en-US')} log events read (links included)` },
      { bench: 'integrity', case: `verify ${n} events, wall time`, value: verifySeconds, unit: 's' },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
