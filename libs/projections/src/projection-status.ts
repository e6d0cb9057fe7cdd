import { comparePositions, positionToString, type EventStore, type LogPosition } from '#libs/event-store';
import { earliest, readCheckpoint } from './checkpoints';
import { activeGeneration } from './generations';
import { projectedPrefixes } from './projection-set';
import type { AnyProjection } from './projection';
import type { ReadModelDatabase } from './read-model.database';

export interface Freshness {
  /** The log position the read models reflect ("commit/prepare"), `null` before the first event. */
  position: string | null;
  /** True when the position asked for was not reached within the wait. */
  stale: boolean;
}

export interface ProjectionLag {
  projection: string;
  position: string | null;
  events: number;
  /** Events in the log not yet projected (counted up to `LAG_COUNT_LIMIT`). */
  behind: number;
  /** Age of the oldest event not yet projected, by the store's clock. */
  lagMs: number;
}

const LAG_COUNT_LIMIT = 1000;
const POLL_MS = 50;

/** Where the read models stand against the log: read-your-writes waits and the lag in health. */
export class ProjectionStatus {
  private readonly waiters = new Set<() => void>();
  private readonly prefixes: string[];

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly projections: readonly AnyProjection[],
    /** The app's clock, which also stamps `created` on the embedded store. */
    private readonly now: () => Date,
  ) {
    this.prefixes = projectedPrefixes(projections);
  }

  /** Called by an in-process projector after each commit; another process is polled instead. */
  committed(): void {
    for (const w of [...this.waiters]) w();
  }

  position(): LogPosition | null {
    const g = activeGeneration(this.db);
    if (g === null) return null;
    return earliest(this.projections.map((p) => readCheckpoint(this.db, g, p.name).position));
  }

  /**
   * Reached when the checkpoint is at or past the target, or when no event the projections read
   * lies between them (the target may be a write to a stream no projection reads).
   */
  async reached(target: LogPosition): Promise<boolean> {
    const at = this.position();
    if (at && comparePositions(at, target) >= 0) return true;
    const [next] = await this.store.readAll({ after: at ?? undefined, maxCount: 1, streamPrefixes: this.prefixes });
    return !next || comparePositions(next.position, target) > 0;
  }

  async waitFor(target: LogPosition | undefined, timeoutMs: number): Promise<Freshness> {
    let stale = false;
    if (target) {
      const deadline = performance.now() + timeoutMs;
      while (!(await this.reached(target))) {
        const left = deadline - performance.now();
        if (left <= 0) {
          stale = true;
          break;
        }
        await this.nextCommit(Math.min(left, POLL_MS));
      }
    }
    const p = this.position();
    return { position: p ? positionToString(p) : null, stale };
  }

  async lag(): Promise<ProjectionLag[]> {
    const g = activeGeneration(this.db);
    return Promise.all(this.projections.map(async (p) => {
      const cp = g === null ? { position: null, events: 0 } : readCheckpoint(this.db, g, p.name);
      const pending = await this.store.readAll({ after: cp.position ?? undefined, maxCount: LAG_COUNT_LIMIT, streamPrefixes: p.streamPrefixes as string[] });
      return {
        projection: p.name,
        position: cp.position ? positionToString(cp.position) : null,
        events: cp.events,
        behind: pending.length,
        lagMs: pending.length ? Math.max(0, this.now().getTime() - Date.parse(pending[0].created)) : 0,
      };
    }));
  }

  private nextCommit(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
