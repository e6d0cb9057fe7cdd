import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock } from '#libs/kernel';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { activeGeneration, ensureActiveGeneration } from './generations';
import type { AnyProjection } from './projection';
import { createProjections } from './projection-set';
import { ProjectionStatus } from './projection-status';
import { PROJECTIONS_OPTIONS, type ProjectionsOptions } from './projections.config';
import { ReadModelDatabase, type Statement } from './read-model.database';
import { tablePrefix } from './read-model.schema';

/**
 * The read side's handle for queries: the database, the active generation's table names, the
 * organisation's "today", and where the projections stand. One per process.
 */
@Injectable()
export class ReadModels implements OnApplicationShutdown {
  readonly db: ReadModelDatabase;
  readonly projections: AnyProjection[];
  readonly status: ProjectionStatus;

  constructor(
    @Inject(PROJECTIONS_OPTIONS) readonly options: ProjectionsOptions,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = new ReadModelDatabase({ file: options.file, cacheMb: 16 });
    this.projections = createProjections(config.timeZone);
    ensureActiveGeneration(this.db, this.projections);
    this.status = new ProjectionStatus(store, this.db, this.projections, () => clock.now());
  }

  /** A table of the generation queries read now (a rebuild may have swapped it since the last call). */
  table(name: string): string {
    return `"${tablePrefix(activeGeneration(this.db) ?? ensureActiveGeneration(this.db, this.projections))}${name}"`;
  }

  prepare(sql: string): Statement {
    return this.db.prepare(sql);
  }

  today(): string {
    return todayIn(this.clock, this.config.timeZone);
  }

  onApplicationShutdown(): void {
    this.db.close();
  }
}
