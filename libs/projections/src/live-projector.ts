import type { EventStore } from '#libs/event-store';
import { activate, createGeneration, ensureActiveGeneration, setStoreMark, storeMark } from './generations';
import type { AnyProjection } from './projection';
import { Projector } from './projector';
import type { ReadModelDatabase } from './read-model.database';

export interface LiveProjectorOptions {
  batchSize?: number;
  retryMs?: number;
  /** Problems only, never event data: read models hold personal data. */
  log?: (message: string) => void;
  onCommit?: () => void;
  /** Views kept in memory per projection (see ProjectionWriter). */
  viewCacheLimit?: number;
}

/**
 * Keeps the active generation up to date, in the API process (`PROJECTIONS=inline`) or in its
 * own (`npm run cli -- project`). It follows the active generation across a blue-green swap,
 * starts a fresh one when the log is not the one the read models were built from, and retries
 * after a failure from its last committed checkpoint.
 */
export class LiveProjector {
  private current: Projector | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly projections: readonly AnyProjection[],
    private readonly options: LiveProjectorOptions = {},
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.current?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const generation = await this.generationForThisLog();
        this.current = new Projector(this.store, this.db, this.projections, {
          generation, followActive: true, batchSize: this.options.batchSize, viewCacheLimit: this.options.viewCacheLimit, onBatch: () => this.options.onCommit?.(),
        });
        if (this.stopped) return;
        await this.current.run();
      } catch (error) {
        // Name and code only: a message may quote event data, and read models hold personal data.
        const { name, code } = (error ?? {}) as { name?: string; code?: string };
        this.options.log?.(`Проекции: сбой (${name ?? 'Error'}${code ? ` ${code}` : ''}), повтор с последней контрольной точки`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      } finally {
        this.current = null;
      }
    }
  }

  private async generationForThisLog(): Promise<number> {
    const generation = ensureActiveGeneration(this.db, this.projections);
    const [first] = await this.store.readAll({ maxCount: 1 });
    const mark = storeMark(this.db, generation);
    if (first && mark === undefined) setStoreMark(this.db, generation, first.id);
    if (mark === undefined || mark === first?.id) return generation;
    this.options.log?.('Проекции: журнал событий не тот, из которого построены модели чтения; строится новое поколение.');
    return this.db.transaction(() => {
      const g = createGeneration(this.db, this.projections);
      if (first) setStoreMark(this.db, g, first.id);
      activate(this.db, g);
      return g;
    });
  }
}
