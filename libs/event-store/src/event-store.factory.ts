import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { SqliteEventStore } from './adapters/sqlite-event-store';

/** One variable chooses the store: `EVENTSTORE_CONNECTION_STRING` (esdb://…) or the embedded file under DATA_DIR. */
export function createEventStore(env: NodeJS.ProcessEnv = process.env): EventStore {
  if (env.EVENTSTORE_CONNECTION_STRING) {
    throw new Error('EVENTSTORE_CONNECTION_STRING: the EventStoreDB adapter is not wired yet');
  }
  return new SqliteEventStore({ file: join(env.DATA_DIR || './data', 'events.sqlite') });
}
