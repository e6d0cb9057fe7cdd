import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { writeSyntheticLog } from '#testing/projections';
import { RegisterIndex } from './register.index';

describe("The region's register: its first read goes through the whole log without holding the process", () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'register-index-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await writeSyntheticLog(store, { mentorships: 1_300, maxEvents: 12_000, orgId: 'org-long' });
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a log of 12,000 events (three pages), when the register first catches up, then a request that arrived meanwhile is served before it ends, and the register knows where the organisation last had an event', async () => {
    const events = await store.readAll();
    const register = new RegisterIndex(store);
    const order: string[] = [];

    const caughtUp = register.catchUp().then(() => order.push('register caught up'));
    setImmediate(() => order.push('a request served'));
    await caughtUp;

    expect(order).toEqual(['a request served', 'register caught up']);
    expect(register.lastEventOf('org-long')).toEqual(events[events.length - 1].position);
    expect(register.version()).not.toBe(new RegisterIndex(store).version());
  });
});
