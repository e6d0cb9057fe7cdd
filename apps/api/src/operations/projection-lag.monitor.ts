import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, CONFIG, type Config } from '#libs/kernel';
import { Gauge } from 'prom-client';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { earliest, readCheckpoint, activeGeneration, projectedPrefixes, ReadModels } from '#libs/projections';
import { MetricsService } from './metrics.service';

export interface ProjectionLagFigures {
  /** Events the projections read that lie after their checkpoint (counted up to `COUNT_LIMIT`). */
  events: number;
  /** Age of the oldest of them; 0 when caught up. */
  seconds: number;
}

/** Counting stops here: past it the figure only says "far behind", and counting costs a read of every event. */
export const COUNT_LIMIT = 1000;
/** A probe and a scrape in the same second share one measurement. */
const MEMO_MS = 1000;

/**
 * How far the read models are behind the event log: the events after each projection's checkpoint
 * and the age of the oldest of them. Measured when asked (a scrape, a readiness probe), never on a
 * timer, so an idle or caught-up server pays nothing. Works the same when another process projects.
 */
@Injectable()
export class ProjectionLagMonitor {
  /** Readiness fails past this lag (`READY_MAX_PROJECTION_LAG_SECONDS`, default 30; `off`: null, never). */
  readonly maxSeconds: number | null;
  private last: { at: number; figures: Promise<ProjectionLagFigures> } | undefined;

  /** `stored`: the log below the personal-data codec; only positions and store times are read, nothing to decrypt. */
  constructor(
    private readonly rm: ReadModels,
    @Inject(STORED_EVENT_STORE) private readonly stored: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) config: Config,
    metrics: MetricsService,
  ) {
    this.maxSeconds = config.READY_MAX_PROJECTION_LAG_SECONDS;
    const measure = () => this.measure();
    new Gauge({
      name: 'projection_lag_seconds', help: 'Age of the oldest event the projections have not applied yet (0 when caught up)', registers: [metrics.registry],
      async collect() {
        this.set((await measure()).seconds);
      },
    });
    new Gauge({
      name: 'projection_lag_events', help: `Events after the projections' checkpoint (counted up to ${COUNT_LIMIT})`, registers: [metrics.registry],
      async collect() {
        this.set((await measure()).events);
      },
    });
  }

  measure(): Promise<ProjectionLagFigures> {
    const now = performance.now();
    if (!this.last || now - this.last.at >= MEMO_MS) {
      const figures = this.read();
      this.last = { at: now, figures };
      figures.catch(() => (this.last = undefined));
    }
    return this.last.figures;
  }

  /** Why the server should not take traffic (read models too far behind), or `undefined`. */
  async notReadyBecause(): Promise<string | undefined> {
    if (this.maxSeconds === null) return undefined;
    const { seconds, events } = await this.measure();
    if (seconds <= this.maxSeconds) return undefined;
    return `Списки и отчёты отстают от журнала событий на ${seconds.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} с (${events >= COUNT_LIMIT ? `${COUNT_LIMIT} и более` : events} событий; допустимо ${this.maxSeconds} с): проекции не успевают или остановлены.`;
  }

  /** One read: the projector moves every projection's checkpoint together, to the end of each batch. */
  private async read(): Promise<ProjectionLagFigures> {
    const { db, projections } = this.rm;
    const g = activeGeneration(db);
    const after = g === null ? null : earliest(projections.map((p) => readCheckpoint(db, g, p.name).position));
    const pending = await this.stored.readAll({ after: after ?? undefined, maxCount: COUNT_LIMIT, streamPrefixes: projectedPrefixes(projections) });
    // The embedded store stamps `created` with the app's clock; EventStoreDB with the server's, so there the age includes any skew.
    const seconds = pending.length ? Math.max(0, this.clock.now().getTime() - Date.parse(pending[0].created)) / 1000 : 0;
    return { events: pending.length, seconds };
  }
}
