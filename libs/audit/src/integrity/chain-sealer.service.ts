import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { CLOCK, type Clock } from '#libs/kernel';
import { ChainSealer } from './chain-sealer';
import { INTEGRITY_OPTIONS, type IntegrityOptions } from './integrity.config';
import { WITNESSING, type Witnessing } from './witnessing';

/**
 * Seals the log into the organisations' hash chains from the application's start to its stop,
 * unless `AUDIT_SEALER=off`; every recorded head carries a checkpoint signed with the organisation's
 * key, sent to the witness when one is configured. It reads the store below the personal-data codec: hashes cover the
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
    @Inject(WITNESSING) private readonly witnessing: Witnessing,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.sealer !== 'on') return;
    this.sealer = new ChainSealer(this.store, {
      now: () => this.clock.now(),
      headEveryEvents: this.options.headEveryEvents,
      headEveryMs: this.options.headEveryMs,
      sealEveryMs: this.options.sealEveryMs,
      log: (m) => this.logger.warn(m),
      signer: this.witnessing.signer,
      onHeadsRecorded: this.witnessing.onHeadsRecorded,
    });
    this.sealer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sealer?.stop(true);
    // The heads recorded at shutdown carry checkpoints: they reach the witness before the process ends.
    await this.witnessing.settled();
  }
}
