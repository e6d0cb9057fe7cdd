import { EsdbEventStore } from './adapters/esdb-event-store';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import type { EventStore } from './event-store.port';

/** The variables that pick the store, as the kernel's config parses them (or a test writes them). */
export interface EventStoreEnv {
  /** An `esdb://` (or `esdb+discover://`) connection string; absent or empty: the embedded store. */
  EVENTSTORE_CONNECTION_STRING?: string;
  /** Directory of the embedded store's file; `./data` by default. */
  DATA_DIR?: string;
}

/**
 * One variable picks the store: EventStoreDB when a connection string is set, else the SQLite file.
 * `now`: what stamps `created` on the embedded store (EventStoreDB stamps it with the server's clock).
 */
export function createEventStore(env: EventStoreEnv, now?: () => Date): EventStore {
  const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim();
  if (connectionString) return new EsdbEventStore(connectionString);
  return new SqliteEventStore({ file: embeddedStoreFile(env), now });
}

/** The embedded store's file: `events.sqlite` in DATA_DIR (`./data` by default). */
export function embeddedStoreFile(env: EventStoreEnv): string {
  // An empty DATA_DIR would put the file at the filesystem root, so it counts as unset.
  return `${env.DATA_DIR || './data'}/events.sqlite`;
}
