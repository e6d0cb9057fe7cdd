import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { SqliteEventStore, type EventStore } from '#libs/event-store';

/** One step as the load saw it: when it was due (or sent) and when it was answered, on `performance.now()`. */
export interface StepSpan {
  start: number;
  end: number;
}

interface Interval {
  start: number;
  end: number;
}

const overlap = (a: Interval, b: Interval) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Records, while a load runs in this process, what can hold a step up: the main thread's GC pauses
 * (V8's `gc` performance entries) and the embedded store's group commits (transaction start to fsync,
 * from the writer thread's own timing). `explain` then splits the slowest 1 % of steps' time into GC
 * pauses, waiting on a commit's disk time, and the rest: the event loop busy with other steps, the sealer
 * (whose share the same load with `AUDIT_SEALER=off` shows), the curators' own turns.
 */
export function traceTail(store: EventStore) {
  const gc: Interval[] = [];
  const commits: Interval[] = [];
  const pauses = (entries: PerformanceEntry[]) => {
    for (const e of entries) gc.push({ start: e.startTime, end: e.startTime + e.duration });
  };
  const observer = new PerformanceObserver((list) => pauses(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const stop = store instanceof SqliteEventStore
    ? store.onCommit((c) => {
      const end = performance.now();
      commits.push({ start: end - c.ms, end });
    })
    : () => undefined;
  return {
    /** Stops recording and explains the slowest 1 % of `steps`. */
    explain(steps: StepSpan[]): string {
      // Entries not yet delivered to the callback (it runs later, on the loop) count too.
      pauses(observer.takeRecords());
      observer.disconnect();
      stop();
      const slow = [...steps].sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, Math.max(1, Math.floor(steps.length / 100)));
      let total = 0, inGc = 0, onDisk = 0;
      for (const s of slow) {
        total += s.end - s.start;
        const paused = gc.reduce((sum, g) => sum + overlap(s, g), 0);
        inGc += paused;
        // The commits that ended while the step waited: the disk time of the one it waited on longest.
        onDisk += commits.reduce((most, c) => (c.end >= s.start && c.end <= s.end ? Math.max(most, overlap(s, c)) : most), 0);
      }
      const n = slow.length;
      const pct = (x: number) => `${((100 * x) / total).toFixed(0)} %`;
      const longestGc = gc.reduce((m, g) => Math.max(m, g.end - g.start), 0);
      return `slowest 1 % (${n} steps, mean ${(total / n).toFixed(1)} ms): GC pauses ${(inGc / n).toFixed(1)} ms (${pct(inGc)}; ${gc.length} pauses in the run, longest ${longestGc.toFixed(1)} ms), `
        + `a group commit's disk time ${(onDisk / n).toFixed(1)} ms (${pct(onDisk)}), the rest ${((total - inGc - onDisk) / n).toFixed(1)} ms (${pct(total - inGc - onDisk)}: the loop busy with other steps and the sealer)`;
    },
  };
}
