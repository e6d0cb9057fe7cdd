import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

// The same contract with the write connection on the calling thread (`:memory:` stores, comparisons).
eventStoreContract('embedded SQLite, inline writer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-inline-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollMs: 50, writer: 'inline' });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
