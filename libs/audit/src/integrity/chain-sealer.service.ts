import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { CLOCK, type Clock } from '#libs/kernel';
import { ChainSealer } from './chain-sealer';
import { INTEGRITY_OPTIONS, type IntegrityOptions } from './integrity.config';

/**
 * Seals the log into the organisations' hash chains from the application's start to its stop,
 * unless `AUDIT_SEALER=off`. It reads the store below the personal-data codec: hashes cover the
 * stored bytes, encrypted personal fields included, so erasing a key never breaks a chain.
 */
@Injectable()
export class ChainSealerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('integrity');
  private sealer: ChainSealer | null = null;

  constructor(
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTEGRITY_OPTIONS) private readonly options: IntegrityOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.sealer !== 'on') return;
    this.sealer = new ChainSealer(this.store, {
      now: () => this.clock.now(),
      headEveryEvents: this.options.headEveryEvents,
      headEveryMs: this.options.headEveryMs,
      sealEveryMs: this.options.sealEveryMs,
      log: (m) => this.logger.warn(m),
    });
    this.sealer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sealer?.stop(true);
  }
}
