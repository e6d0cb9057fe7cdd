import { Global, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { PERSONAL_KEY_STORE, type PersonalKeyStore, keyStoreFor, PersonalDataStore } from '#libs/personal-data';
import { APP_CONFIG, appConfigOf, CONFIG, defaultConfig, type Config } from './config';
import { StreamCommands } from './stream-commands';
import { CLOCK, systemClock, type Clock } from './clock';

export interface KernelOptions {
  /** The log: an adapter (wrapped here in the personal-data codec) or an already wrapped PersonalDataStore. */
  store: EventStore;
  /** Keys for personal data; by default the one that belongs with the store (see `keyStoreFor`). */
  keyStore?: PersonalKeyStore;
  clock?: Clock;
  /** The configuration the process parsed at start (`loadConfig`); a test gives only what it sets, over the defaults. */
  config?: Partial<Config>;
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

/** The store, the clock and the configuration: chosen by the app (or a test) and shared by every module. */
@Global()
@Module({})
export class KernelModule {
  static forRoot(options: KernelOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    const config: Config = { ...defaultConfig(), ...options.config };
    const given = options.store instanceof PersonalDataStore;
    const log = given ? (options.store as PersonalDataStore) : new PersonalDataStore(options.store, options.keyStore ?? keyStoreFor(options.store, config, () => clock.now()));
    const owned = !given && !options.keyStore ? log.keys : undefined;
    return {
      module: KernelModule,
      providers: [
        { provide: EVENT_STORE, useValue: log },
        { provide: STORED_EVENT_STORE, useValue: log.stored },
        { provide: PERSONAL_KEY_STORE, useValue: log.keys },
        { provide: OWNED_KEYS, useFactory: () => new OwnedKeyStoreCloser(owned) },
        { provide: CLOCK, useValue: clock },
        { provide: CONFIG, useValue: config },
        { provide: APP_CONFIG, useValue: appConfigOf(config) },
        StreamCommands,
      ],
      exports: [EVENT_STORE, STORED_EVENT_STORE, PERSONAL_KEY_STORE, CLOCK, CONFIG, APP_CONFIG, StreamCommands],
    };
  }
}
