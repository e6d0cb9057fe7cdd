import { comparePositions, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { earliest, readCheckpoint, samePosition, writeCheckpoint, type Checkpoint } from './checkpoints';
import { eventBatches } from './event-batches';
import { storePages } from './event-pages';
import { activeGeneration } from './generations';
import type { AnyProjection } from './projection';
import { ProjectionWriter } from './projection.writer';
import type { ReadModelDatabase } from './read-model.database';
import { tablePrefix } from './read-model.schema';

export interface ProjectorOptions {
  generation: number;
  batchSize?: number;
  /** Stop once nothing more is in the log (a rebuild, a test); otherwise follow it live until stopped. */
  untilCaughtUp?: boolean;
  /** Stop at this position (a report reproduced as of a past position). */
  untilPosition?: LogPosition;
  /** Stop when another generation becomes active (a rebuild swapped under a live projector). */
  followActive?: boolean;
  /** The generation starts empty and only this projector writes it (a rebuild): no lookups of views never written. */
  fresh?: boolean;
  /** Views kept in memory per projection (default: the writer's); a live projector beside an API keeps fewer. */
  viewCacheLimit?: number;
  onBatch?: (progress: { position: LogPosition; events: number }) => void;
}

export type ProjectorExit = 'stopped' | 'caught-up' | 'generation-changed' | 'checkpoint-moved';

/** Someone else advanced a checkpoint of this generation (two projectors on one file): start over from it. */
class CheckpointMoved extends Error {}

/**
 * Feeds every projection from the store, resuming from the earliest checkpoint: the history in
 * pages, then live from the store's catch-up subscription. Each batch is one transaction holding the batch's rows of every projection
 * and their checkpoints, so a crash leaves either all of a batch or none of it: nothing is applied
 * twice and nothing is skipped.
 */
export class Projector {
  private readonly writers: ProjectionWriter<unknown>[];
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly prefixes: string[];
  private stopping = false;
  private unsubscribe: (() => Promise<void>) | null = null;
  processed = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly projections: readonly AnyProjection[],
    private readonly options: ProjectorOptions,
  ) {
    const prefix = tablePrefix(options.generation);
    this.writers = projections.map((p) => new ProjectionWriter(db, prefix, p, { fresh: options.fresh, cacheLimit: options.viewCacheLimit }));
    this.prefixes = [...new Set(projections.flatMap((p) => p.streamPrefixes))];
  }

  position(): LogPosition | null {
    return earliest(this.projections.map((p) => this.checkpoints.get(p.name)?.position ?? null));
  }

  async run(): Promise<ProjectorExit> {
    const { generation } = this.options;
    for (const p of this.projections) this.checkpoints.set(p.name, readCheckpoint(this.db, generation, p.name));
    try {
      const caughtUp = await this.catchUp();
      if (caughtUp !== null) return caughtUp;
      return await this.follow();
    } catch (error) {
      for (const w of this.writers) w.forget();
      if (error instanceof CheckpointMoved) return 'checkpoint-moved';
      throw error;
    }
  }

  /**
   * The history up to now, in pages read from the log (a page per transaction): several times
   * cheaper per event than iterating the subscription, which matters for a rebuild of millions.
   */
  private async catchUp(): Promise<ProjectorExit | null> {
    const size = this.options.batchSize ?? 2000;
    if (this.reachedEnd(this.position())) return 'caught-up';
    const pages = storePages(this.store)(this.position() ?? undefined, this.prefixes, size);
    for await (const page of pages) {
      if (this.stopping) return 'stopped';
      if (this.options.followActive && activeGeneration(this.db) !== this.options.generation) return 'generation-changed';
      const events = this.upToLimit(page);
      if (events.length > 0) this.flush(events);
      if (events.length < page.length || this.reachedEnd(this.position())) return 'caught-up';
    }
    return this.options.untilCaughtUp ? 'caught-up' : null;
  }

  /** Then live, from the store's catch-up subscription after the last checkpoint. */
  private async follow(): Promise<ProjectorExit> {
    const subscription = this.store.subscribeToAll({ after: this.position() ?? undefined, streamPrefixes: this.prefixes });
    this.unsubscribe = () => subscription.unsubscribe();
    if (this.stopping) {
      await subscription.unsubscribe();
      return 'stopped';
    }
    try {
      for await (const batch of eventBatches(subscription, this.options.batchSize ?? 2000)) {
        if (this.stopping) return 'stopped';
        if (this.options.followActive && activeGeneration(this.db) !== this.options.generation) return 'generation-changed';
        const events = this.upToLimit(batch.events);
        if (events.length > 0) this.flush(events);
        if (events.length < batch.events.length || this.reachedEnd(this.position())) return 'caught-up';
      }
      return 'stopped';
    } finally {
      await subscription.unsubscribe();
    }
  }

  private upToLimit(events: RecordedEvent[]): RecordedEvent[] {
    const until = this.options.untilPosition;
    return until ? events.filter((e) => comparePositions(e.position, until) <= 0) : events;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.unsubscribe?.();
  }

  private flush(events: RecordedEvent[]): void {
    const { generation } = this.options;
    const last = events[events.length - 1].position;
    const changes = this.db.transaction(() =>
      this.writers.map((w) => {
        const name = w.projection.name;
        const mine = this.checkpoints.get(name)!;
        if (!samePosition(readCheckpoint(this.db, generation, name).position, mine.position)) throw new CheckpointMoved();
        const fresh = mine.position && comparePositions(events[0].position, mine.position) <= 0
          ? events.filter((e) => comparePositions(e.position, mine.position!) > 0)
          : events;
        const views = w.apply(fresh);
        writeCheckpoint(this.db, generation, name, { position: last, events: mine.events + fresh.length });
        return { w, views, count: fresh.length };
      }),
    );
    for (const { w, views, count } of changes) {
      w.remember(views);
      const cp = this.checkpoints.get(w.projection.name)!;
      this.checkpoints.set(w.projection.name, { position: last, events: cp.events + count });
    }
    this.processed += events.length;
    if (events.some((e) => e.type === 'PersonalDataDestroyed')) this.db.truncateWal();
    this.options.onBatch?.({ position: last, events: this.processed });
  }

  private reachedEnd(position: LogPosition | null): boolean {
    const until = this.options.untilPosition;
    return !!until && position !== null && comparePositions(position, until) >= 0;
  }
}
