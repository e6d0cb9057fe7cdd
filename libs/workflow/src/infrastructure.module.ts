import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE, STORED_EVENT_STORE, type EventStore } from '../../event-store/src/event-store.port';
import { APP_CONFIG, configFromEnv, type AppConfig } from './config';
import { CLOCK, systemClock, type Clock } from './support/clock';

export interface InfrastructureOptions {
  store: EventStore;
  /** The adapter itself, below any codec that rewrites stored bytes (personal-data encryption); defaults to `store`. Integrity hashing reads this. */
  storedStore?: EventStore;
  clock?: Clock;
  config?: AppConfig;
}

/** The store, the clock and the settings: chosen by the app (or a test) and shared by every module. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: STORED_EVENT_STORE, useValue: options.storedStore ?? options.store },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: APP_CONFIG, useValue: options.config ?? configFromEnv() },
      ],
      exports: [EVENT_STORE, STORED_EVENT_STORE, CLOCK, APP_CONFIG],
    };
  }
}
