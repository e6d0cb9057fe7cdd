import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LiveProjector } from './live-projector';
import { projectsOnEventLoop } from './projections.config';
import { ReadModels } from './read-models';

/** Runs the projector on the API's event loop with `PROJECTIONS=inline` (a thread of its own with `thread`, another process with `off`). */
@Injectable()
export class InlineProjectionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('projections');
  private projector: LiveProjector | null = null;

  constructor(private readonly readModels: ReadModels) {}

  onApplicationBootstrap(): void {
    if (!projectsOnEventLoop(this.readModels.options)) return;
    const { store, db, projections, status } = this.readModels;
    this.projector = new LiveProjector(store, db, projections, {
      log: (m) => this.logger.warn(m),
      onCommit: () => status.committed(),
      // In the API's heap beside its own caches: the views being worked on now (a view not cached is read back from SQLite), not 20,000 per projection.
      viewCacheLimit: 1_000,
    });
    this.projector.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector?.stop();
  }
}
