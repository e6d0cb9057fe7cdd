import { EsdbCluster, type EsdbClusterOptions } from '../../../../test/esdb-double/esdb-cluster';
import type { ExpectedRevision } from '../event-store.port';
import { idsOf, newEvent, newEvents, streamIn, uniqueCategory } from '../testing/event-fixtures';
import { eventStoreContract } from '../testing/event-store.contract';
import { pause, probe } from '../testing/subscription-probe';
import { EsdbEventStore } from './esdb-event-store';

const fast = { minBackoffMs: 20, maxBackoffMs: 200, retryForMs: 10_000 };

async function onCluster(query = '', options: EsdbClusterOptions = {}) {
  const cluster = await EsdbCluster.start(options);
  const store = new EsdbEventStore(cluster.connectionString(query), fast);
  return { cluster, store, teardown: async () => (await store.close(), await cluster.stop()) };
}

eventStoreContract('EventStoreDB cluster double, 3 nodes, nodePreference=leader', () => onCluster('nodePreference=leader'));
eventStoreContract('EventStoreDB cluster double, 3 nodes, nodePreference=follower', () => onCluster('nodePreference=follower'));

describe('EsdbEventStore on a cluster', () => {
  let cluster: EsdbCluster;
  let store: EsdbEventStore;
  let teardown: () => Promise<void>;
  beforeEach(async () => ({ cluster, store, teardown } = await onCluster()));
  afterEach(() => teardown());

  it('finds the cluster through any gossip seed, the first one down (esdb:// and esdb+discover://)', async () => {
    cluster.kill(0);
    cluster.elect(2);
    for (const scheme of ['esdb', 'esdb+discover']) {
      const other = new EsdbEventStore(cluster.connectionString('', scheme), fast);
      try {
        await other.append(streamIn(uniqueCategory()), newEvents(1), 'no_stream');
      } finally {
        await other.close();
      }
    }
    expect(cluster.stats.served[2].write).toBe(2);
  });

  it.each<[string, ExpectedRevision, boolean]>([
    ['no_stream, the new leader recognises the ids', 'no_stream', true],
    ['no_stream, the new leader answers WrongExpectedVersion', 'no_stream', false],
    ['a revision, the new leader answers WrongExpectedVersion', 0, false],
    ['any, the new leader would write the events again', 'any', false],
  ])('an answer lost after the write (%s): the retry is recognised, the events are there once', async (_, expected, recognises) => {
    const stream = streamIn(uniqueCategory());
    if (expected !== 'no_stream') await store.append(stream, newEvents(1), 'no_stream');
    cluster.forgetRetries(!recognises);
    const lost = cluster.loseNextAnswers(1, 50);
    const batch = newEvents(3);

    const result = await store.append(stream, batch, expected);

    const read = await store.readStream(stream);
    expect(idsOf(read.slice(-3))).toEqual(idsOf(batch));
    expect(read).toHaveLength(expected === 'no_stream' ? 3 : 4);
    expect(result.nextRevision).toBe(read.length - 1);
    expect(result.position).toEqual(read[read.length - 1].position);
    await lost;
    expect(cluster.stats.answersLost).toBe(1);
  });

  it('a conflict is still a conflict: the own-events check does not take another writer for itself', async () => {
    const stream = streamIn(uniqueCategory());
    await store.append(stream, newEvents(1), 'no_stream');
    cluster.forgetRetries(true);
    await expect(store.append(stream, newEvents(1), 'no_stream')).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    await expect(store.append(stream, newEvents(1), 5)).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
  });

  it('an append refused by a follower (not-leader) is written once, on the leader', async () => {
    const stream = streamIn(uniqueCategory());
    await store.append(stream, newEvents(1), 'no_stream');
    cluster.elect(1);
    const event = newEvent();
    await store.append(stream, [event], 0);
    expect(cluster.stats.notLeader).toBeGreaterThan(0);
    expect(idsOf(await store.readStream(stream)).filter((id) => id === event.id)).toHaveLength(1);
  });

  it('appends wait through an election longer than the client gives discovery, then go to the new leader', async () => {
    const patient = new EsdbEventStore(cluster.connectionString('maxDiscoverAttempts=2&discoveryInterval=10'), fast);
    try {
      const stream = streamIn(uniqueCategory());
      await patient.append(stream, newEvents(1), 'no_stream');
      const election = cluster.failover(400);
      const events = newEvents(2);
      await patient.append(stream, events, 0);
      await election;
      expect(idsOf(await patient.readStream(stream, 1))).toEqual(idsOf(events));
      expect(cluster.leaderIndex).toBe(1);
    } finally {
      await patient.close();
    }
  });

  it('an append whose discovery found no leader still goes through once one is elected (the client alone would refuse it)', async () => {
    const brief = { ...fast, retryForMs: 600 };
    const patient = new EsdbEventStore(cluster.connectionString('maxDiscoverAttempts=2&discoveryInterval=10'), brief);
    try {
      const stream = streamIn(uniqueCategory());
      await patient.append(stream, newEvents(1), 'no_stream');
      cluster.kill(0);
      await expect(patient.readStream(stream)).rejects.toMatchObject({ name: 'StoreUnavailableError' });
      const events = newEvents(1);
      const appended = patient.append(stream, events, 0);
      await pause(50);
      cluster.elect(1);
      await expect(appended).resolves.toMatchObject({ nextRevision: 1 });
      expect(idsOf(await patient.readStream(stream, 1))).toEqual(idsOf(events));
    } finally {
      await patient.close();
    }
  });

  it('a subscription outlives an election longer than the client gives discovery: resumed from its checkpoint, nothing twice', async () => {
    const patient = new EsdbEventStore(cluster.connectionString('maxDiscoverAttempts=2&discoveryInterval=10'), fast);
    const category = uniqueCategory();
    const before = newEvents(2);
    await patient.append(streamIn(category), before, 'no_stream');
    const sub = probe(patient.subscribeToAll({ streamPrefixes: [`${category}-`] }));
    try {
      await sub.until(2);
      cluster.kill(0);
      await pause(300);
      cluster.elect(2);
      const after = newEvents(2);
      await patient.append(streamIn(category), after, 'no_stream');
      await sub.until(4);
      await pause(200);
      expect(idsOf(sub.seen)).toEqual(idsOf([...before, ...after]));
    } finally {
      await sub.stop();
      await patient.close();
    }
  });

  it('is not ready while no node leads, ready again once one does', async () => {
    expect(await store.ping()).toBe(true);
    cluster.kill(0);
    expect(await store.ping()).toBe(false);
    cluster.elect(2);
    expect(await store.ping()).toBe(true);
  });
});

describe('EsdbEventStore reading from followers (nodePreference=follower)', () => {
  it('serves stream reads, $all reads and a subscription from a follower while the process does not write', async () => {
    const cluster = await EsdbCluster.start();
    const writer = new EsdbEventStore(cluster.connectionString(), fast);
    const reader = new EsdbEventStore(cluster.connectionString('nodePreference=follower'), fast);
    try {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const events = newEvents(3);
      await writer.append(stream, events, 'no_stream');

      expect(idsOf(await reader.readStream(stream))).toEqual(idsOf(events));
      expect(idsOf(await reader.readAll({ streamPrefixes: [`${category}-`] }))).toEqual(idsOf(events));
      const sub = probe(reader.subscribeToAll({ streamPrefixes: [`${category}-`] }));
      await sub.until(3);
      await sub.stop();

      const [leader, ...followers] = cluster.stats.served;
      expect(leader.read).toBe(0);
      expect(followers.reduce((n, s) => n + s.read, 0)).toBeGreaterThanOrEqual(3);
      expect(cluster.stats.notLeader).toBe(0);
    } finally {
      await reader.close();
      await writer.close();
      await cluster.stop();
    }
  });
});

describe.each([
  ['BatchAppend', true],
  ['unary Append', false],
])('a storm of leader changes under load (%s)', (_, batchAppend) => {
  let cluster: EsdbCluster;
  let store: EsdbEventStore;
  let teardown: () => Promise<void>;
  const category = uniqueCategory();
  const shared = streamIn(category);
  const acknowledged = new Map<string, string[]>();
  let sub: ReturnType<typeof probe>;

  beforeAll(async () => {
    ({ cluster, store, teardown } = await onCluster('', { batchAppend }));
    sub = probe(store.subscribeToAll({ streamPrefixes: [`${category}-`] }));
    let storming = true;
    const storm = (async () => {
      for (const step of STORM) {
        await pause(60);
        await step(cluster);
      }
      storming = false;
    })();
    const writer = async (w: number) => {
      const stream = streamIn(category);
      acknowledged.set(stream, []);
      for (let i = 0; storming || i < 20; i++) {
        const own = newEvents(2);
        await store.append(stream, own, i === 0 ? 'no_stream' : 2 * i - 1);
        acknowledged.get(stream)!.push(...idsOf(own));
        if (i % 4 === w % 4) {
          const any = newEvent();
          await store.append(shared, [any], 'any');
          acknowledged.set(shared, [...(acknowledged.get(shared) ?? []), any.id]);
        }
      }
    };
    await Promise.all([storm, ...Array.from({ length: 12 }, (_, w) => writer(w))]);
  });
  afterAll(async () => {
    await sub.stop();
    await teardown();
  });

  const allAcknowledged = () => [...acknowledged.values()].flat();

  it('loses no acknowledged append and doubles none: every stream holds exactly what was acknowledged', async () => {
    for (const [stream, ids] of acknowledged) {
      if (stream === shared) continue;
      expect(idsOf(await store.readStream(stream))).toEqual(ids);
    }
    const sharedIds = idsOf(await store.readStream(shared));
    expect(sharedIds.slice().sort()).toEqual(acknowledged.get(shared)!.slice().sort());
  });

  it('$all holds each acknowledged event once and nothing else', async () => {
    const all = idsOf(await store.readAll({ streamPrefixes: [`${category}-`] }));
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice().sort()).toEqual(allAcknowledged().sort());
  });

  it('a subscription open through the storm delivered every event once, in log order', async () => {
    const all = await store.readAll({ streamPrefixes: [`${category}-`] });
    await sub.until(all.length);
    await pause(200);
    expect(idsOf(sub.seen)).toEqual(idsOf(all));
  });

  it('the storm bit: leader changes, killed leaders, not-leader answers and lost answers', () => {
    const { leaderChanges, notLeader, answersLost } = cluster.stats;
    expect({ leaderChanges, notLeader: notLeader > 0, answersLost }).toEqual({ leaderChanges: 7, notLeader: true, answersLost: 3 });
    expect(allAcknowledged().length).toBeGreaterThanOrEqual(12 * 20 * 2);
  });
});

/**
 * What happens to the cluster while twelve writers append, a step 60 ms after the previous one
 * took effect: graceful leader changes (the old leader follows and keeps its connections), leaders
 * killed with an election, leaders dying between a write and its answer, and a leader that does not
 * recognise retried ids. Seven leader changes, three of them after a lost answer.
 */
const STORM: ((cluster: EsdbCluster) => Promise<unknown> | void)[] = [
  (c) => c.elect(1),
  (c) => c.loseNextAnswers(1, 40),
  (c) => c.failover(120),
  (c) => (c.forgetRetries(true), c.loseNextAnswers(1, 40)),
  (c) => c.elect(((c.leaderIndex ?? 0) + 1) % 3),
  (c) => c.failover(200),
  (c) => c.loseNextAnswers(1, 40).then(() => c.forgetRetries(false)),
];
