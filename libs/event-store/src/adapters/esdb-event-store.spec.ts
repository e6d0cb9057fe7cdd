import { EsdbDouble, type EsdbDoubleOptions } from '../../../../test/esdb-double/esdb-double';
import { idsOf, newEvent, newEvents, streamIn, uniqueCategory } from '../testing/event-fixtures';
import { eventStoreContract } from '../testing/event-store.contract';
import { pause, probe } from '../testing/subscription-probe';
import { EsdbEventStore } from './esdb-event-store';

const fast = { minBackoffMs: 20, maxBackoffMs: 200 };

async function onDouble(options: EsdbDoubleOptions = {}) {
  const double = await EsdbDouble.start(options);
  const store = new EsdbEventStore(double.connectionString, fast);
  return {
    store,
    teardown: async () => {
      await store.close();
      await double.stop();
    },
  };
}

eventStoreContract('EventStoreDB protocol double', () => onDouble());
eventStoreContract('EventStoreDB protocol double, unary Append (servers before 21.10)', () => onDouble({ batchAppend: false }));

const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
if (realServer) {
  eventStoreContract(`EventStoreDB at ${realServer}`, async () => {
    const store = new EsdbEventStore(realServer);
    return { store, teardown: () => store.close() };
  });
}

describe('EsdbEventStore specifics', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeAll(async () => {
    double = await EsdbDouble.start();
    store = new EsdbEventStore(double.connectionString, fast);
  });
  afterAll(async () => {
    await store.close();
    await double.stop();
  });

  it('resumes a subscription from its checkpoint after a restart, without loss or duplicates', async () => {
    const category = uniqueCategory();
    const before = newEvents(3);
    for (const e of before) await store.append(streamIn(category), [e], 'no_stream');
    const sub = probe(store.subscribeToAll({ streamPrefixes: [`${category}-`] }));
    try {
      await sub.until(3);
      await double.stop();
      await pause(100);
      await double.restart();
      const after = [newEvent(), ...newEvents(2)];
      await store.append(streamIn(category), after.slice(0, 1), 'no_stream');
      await store.append(streamIn(category), after.slice(1), 'no_stream');
      await sub.until(6);
      await pause(300);
      expect(idsOf(sub.seen)).toEqual(idsOf([...before, ...after]));
    } finally {
      await sub.stop();
    }
  });

  it('skips system events ($-streams and $-types) in unfiltered $all reads and subscriptions', async () => {
    const firstStream = streamIn(uniqueCategory());
    const later = newEvent();
    await store.append(firstStream, newEvents(1), 'no_stream');
    const [first] = await store.readStream(firstStream);
    double.writeSystemEvent();
    await store.append(streamIn(uniqueCategory()), [later], 'no_stream');
    expect(double.log.events.some((e) => e.position > first.position.commit && e.streamId.startsWith('$'))).toBe(true);

    expect(idsOf(await store.readAll({ after: first.position }))).toEqual([later.id]);
    const sub = probe(store.subscribeToAll({ after: first.position }));
    try {
      await sub.until(1);
      await pause(100);
      expect(idsOf(sub.seen)).toEqual([later.id]);
    } finally {
      await sub.stop();
    }
  });

  it('close() ends the iterations of open subscriptions', async () => {
    const other = new EsdbEventStore(double.connectionString, fast);
    const sub = other.subscribeToAll({ streamPrefixes: [`${uniqueCategory()}-`] });
    const iteration = (async () => {
      for await (const _ of sub) void _;
    })();
    await pause(50);
    await other.close();
    await expect(iteration).resolves.toBeUndefined();
  });

  it('answers ping while the server is up, and not while it is down', async () => {
    expect(await store.ping()).toBe(true);
    await double.stop();
    try {
      expect(await store.ping()).toBe(false);
    } finally {
      await double.restart();
    }
    expect(await store.ping()).toBe(true);
  });
});
