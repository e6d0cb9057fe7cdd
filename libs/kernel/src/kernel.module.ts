import { Global, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { PERSONAL_KEY_STORE, type PersonalKeyStore, keyStoreFor, PersonalDataStore } from '#libs/personal-data';
import { APP_CONFIG, configFromEnv, type AppConfig } from './config';
import { StreamCommands } from './stream-commands';
import { CLOCK, systemClock, type Clock } from './clock';

export interface KernelOptions {
  /** The log: an adapter (wrapped here in the personal-data codec) or an already wrapped PersonalDataStore. */
  store: EventStore;
  /** Keys for personal data; by default the one that belongs with the store (see `keyStoreFor`). */
  keyStore?: PersonalKeyStore;
  clock?: Clock;
  config?: AppConfig;
}

const OWNED_KEYS = Symbol('OWNED_KEYS');

/** Closes a key store this module opened itself (whoever passed the store closes the store). */
@Injectable()
class OwnedKeyStoreCloser implements OnApplicationShutdown {
  constructor(private readonly keys: PersonalKeyStore | undefined) {}
  async onApplicationShutdown(): Promise<void> {
    await this.keys?.close();
  }
}

/** The store, the clock and the settings: chosen by the app (or a test) and shared by every module. */
@Global()
@Module({})
export class KernelModule {
  static forRoot(options: KernelOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    const given = options.store instanceof PersonalDataStore;
    const log = given ? (options.store as PersonalDataStore) : new PersonalDataStore(options.store, options.keyStore ?? keyStoreFor(options.store, process.env, () => clock.now()));
    const owned = !given && !options.keyStore ? log.keys : undefined;
    return {
      module: KernelModule,
      providers: [
        { provide: EVENT_STORE, useValue: log },
        { provide: STORED_EVENT_STORE, useValue: log.stored },
        { provide: PERSONAL_KEY_STORE, useValue: log.keys },
        { provide: OWNED_KEYS, useFactory: () => new OwnedKeyStoreCloser(owned) },
        { provide: CLOCK, useValue: clock },
        { provide: APP_CONFIG, useValue: options.config ?? configFromEnv() },
        StreamCommands,
      ],
      exports: [EVENT_STORE, STORED_EVENT_STORE, PERSONAL_KEY_STORE, CLOCK, APP_CONFIG, StreamCommands],
    };
  }
}
