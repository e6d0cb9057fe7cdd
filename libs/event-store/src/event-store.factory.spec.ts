import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from './adapters/esdb-event-store';
import { SqliteEventStore } from './adapters/sqlite-event-store';
import { createEventStore } from './event-store.factory';

describe('createEventStore', () => {
  it('picks EventStoreDB when EVENTSTORE_CONNECTION_STRING is set', async () => {
    const store = createEventStore({ EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' });
    expect(store).toBeInstanceOf(EsdbEventStore);
    await store.close();
  });

  it('otherwise opens the embedded store at DATA_DIR/events.sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-store-factory-'));
    try {
      const store = createEventStore({ EVENTSTORE_CONNECTION_STRING: '', DATA_DIR: dir });
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dir, 'events.sqlite'))).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
