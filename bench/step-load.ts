import { ChainTreeIndex } from '#libs/audit';
import type { EventStore } from '#libs/event-store';
import { benchApp, orderedMentorships, repeatableStep, type BenchAppOptions } from './bench-app';
import { percentile, type BenchRow } from './bench.types';
import { traceTail, type StepSpan } from './tail-trace';

export interface Figures {
  perSec: number;
  p50: number;
  p99: number;
  /** With the sealer on: the organisation's events not yet in its chain (and tree) when the last step was answered, and how long it took to seal them. */
  unsealedAtEnd?: number;
  sealedAfterMs?: number;
  /** Where the slowest 1 % of the steps spent their time (GC, a commit's disk time, the rest). */
  tail?: string;
}

export interface StepLoadOptions extends BenchAppOptions {
  /** Steps per second offered (open loop); absent: closed loop. */
  offeredPerSec?: number;
  /** Steps in all, spread over the curators. */
  steps: number;
}

/**
 * `curators` concurrent curators, each on its own mentorship, through the command bus. Closed loop
 * (a curator sends the next step when the last is answered) unless `offeredPerSec` is given: then
 * each step is due at a fixed time, and its latency counts from then, so a stall is not hidden by sending less.
 */
export async function stepLoad(curators: number, options: StepLoadOptions): Promise<Figures> {
  const b = await benchApp(options);
  try {
    const ids = await orderedMentorships(b.bus, curators);
    const perCurator = Math.ceil(options.steps / curators);
    const interval = options.offeredPerSec ? (1000 * curators) / options.offeredPerSec : 0;
    const latencies: number[] = [];
    const spans: StepSpan[] = [];
    const trace = traceTail(b.store);
    const started = performance.now();
    await Promise.all(ids.map(async (id, c) => {
      for (let i = 0; i < perCurator; i++) {
        let t = performance.now();
        if (interval) {
          const due = started + (i + c / curators) * interval;
          if (due > t) await new Promise((r) => setTimeout(r, due - t));
          t = due;
        }
        await b.bus.execute(repeatableStep(id));
        const end = performance.now();
        latencies.push(end - t);
        spans.push({ start: t, end });
      }
    }));
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    latencies.sort((x, y) => x - y);
    const figures: Figures = { perSec: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), tail: trace.explain(spans) };
    return options.config?.AUDIT_SEALER === 'off' ? figures : { ...figures, ...(await sealerLag(b.store, ended)) };
  } finally {
    await b.close();
  }
}

/** How far the live sealer (chain, tree, signed checkpoints) was behind the command bus when the load ended. */
async function sealerLag(store: EventStore, ended: number) {
  const index = new ChainTreeIndex(store, 'bench');
  const total = (await store.readAll()).filter((e) => !e.streamId.startsWith('auditchain-') && e.metadata.orgId === 'bench').length;
  await index.refresh();
  const unsealedAtEnd = total - index.size;
  while (index.size < total) {
    await new Promise((r) => setTimeout(r, 20));
    await index.refresh();
  }
  return { unsealedAtEnd, sealedAfterMs: performance.now() - ended };
}

/** Three rows per case (throughput, p50, p99), logged as they come. */
export function stepRows(bench: string, log: (l: string) => void) {
  const rows: BenchRow[] = [];
  const add = (label: string, f: Figures, targets: { perSec?: string; p99?: string } = {}, note?: string) => {
    const sealing = f.sealedAfterMs !== undefined ? `; sealer: ${f.unsealedAtEnd} events behind at the end, all sealed ${Math.round(f.sealedAfterMs)} ms later` : '';
    log(`${label}: ${Math.round(f.perSec)} steps/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${sealing}`);
    if (f.tail) log(`    ${f.tail}`);
    rows.push({ bench, case: `${label}, throughput`, value: f.perSec, unit: 'steps/s', target: targets.perSec, note });
    rows.push({ bench, case: `${label}, p50`, value: f.p50, unit: 'ms' });
    rows.push({ bench, case: `${label}, p99`, value: f.p99, unit: 'ms', target: targets.p99 });
    if (f.sealedAfterMs !== undefined) rows.push({ bench, case: `${label}, sealer behind at the end`, value: f.sealedAfterMs, unit: 'ms', note: `${f.unsealedAtEnd} events unsealed when the last step was answered` });
  };
  return { rows, add };
}
