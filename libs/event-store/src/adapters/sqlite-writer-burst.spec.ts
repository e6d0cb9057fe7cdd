import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMetadata } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * The writer thread has a small heap of its own. A burst of large appends — 200 requests with bodies near the
 * API's 256 KB limit arriving together — used to reach the writer as one batch it could not hold: the thread
 * ended, and every append in flight failed. They are committed now, each acknowledged.
 */
describe('the embedded store under a burst of large events', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'writer-burst-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given 200 appends of 250 KB at once, when they are written, then all are committed and readable', async () => {
    const text = 'ж'.repeat(125_000);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, k) =>
      store.append(`burst-${k}`, [{ id: randomUUID(), type: 'Large', data: { k, text }, metadata: {} as EventMetadata }], 'no_stream')));
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const last = await store.readStream('burst-199');
    expect(last).toHaveLength(1);
    expect((last[0].data as { text: string }).text).toHaveLength(125_000);
  }, 60_000);
});
