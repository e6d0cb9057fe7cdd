import { createEventStore } from '#libs/event-store';
import { ReadModels, ReadModelDatabase, activeGeneration, rebuild } from '#libs/projections';
import { dumpGeneration } from '#testing/projections';
import { EsdbCluster } from '../esdb-double/esdb-cluster';
import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The app on a three-node EventStoreDB (the cluster double), configured as production is, with the
 * leader changing under it while the curator and the head take steps over HTTP: a graceful change, a
 * leader dying after a write and before its answer (twice, once to a new leader that does not
 * recognise the retried ids), a killed leader with an election. Every step is answered 2xx and is in
 * the log once, and the read models the inline projector kept through it equal a rebuild.
 */
describe('a region on an EventStoreDB cluster: steps over HTTP through leader changes', () => {
  let cluster: EsdbCluster;
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  const ids: string[] = [];

  beforeAll(async () => {
    cluster = await EsdbCluster.start();
    app = await startTestApp({ store: createEventStore({ EVENTSTORE_CONNECTION_STRING: cluster.connectionString('nodePreference=leader') }) });
    curator = await app.user(['curator']);
    head = await app.user(['head']);
  });
  afterAll(async () => {
    await app.close();
    await cluster.stop();
  });

  it('answers every step, writes each once, and projects each once', async () => {
    const pairs = await Promise.all([0, 1, 2, 3].map(async (i) => ({
      mentor: await hire(app, curator, `Наставник Кластерный ${i}`, 'mentor'),
      mentee: await hire(app, curator, `Молодой Педагог ${i}`, 'mentee', '2026-09-01'),
    })));

    const statuses: number[][] = pairs.map(() => []);
    const round = (step: (pair: (typeof pairs)[number], i: number) => Promise<{ status: number }>) =>
      Promise.all(pairs.map(async (pair, i) => statuses[i].push((await step(pair, i)).status)));

    // Each round of steps meets another kind of leader change, so every one of them lands under load.
    cluster.elect(1);
    const firstLost = cluster.loseNextAnswers(1, 40);
    await round(async ({ mentor, mentee }, i) => {
      const proposed = await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]));
      ids[i] = proposed.body.id;
      return proposed;
    });
    await firstLost;
    const election = cluster.failover(150);
    await round(({ mentor }, i) => curator.step(ids[i], 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: `С-${i}-1` }));
    await election;
    cluster.forgetRetries(true);
    const secondLost = cluster.loseNextAnswers(1, 40);
    await round(({ mentee }, i) => curator.step(ids[i], 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: `С-${i}-2` }));
    await secondLost;
    cluster.forgetRetries(false);
    cluster.elect(((cluster.leaderIndex ?? 0) + 1) % 3);
    await round((_, i) => head.step(ids[i], 'order', { number: `${50 + i}-к`, date: '2026-09-15' }));

    expect(statuses).toEqual(pairs.map(() => [201, 200, 200, 200]));
    expect(cluster.stats).toMatchObject({ answersLost: 2, leaderChanges: 5 });
    for (const id of ids) {
      const types = (await app.store.readStream(`mentorship-${id}`)).map((e) => e.type);
      expect(types).toEqual(['MentorshipProposed', 'ConsentRecorded', 'ConsentRecorded', 'OrderIssued']);
    }

    const readModels = app.nest.get(ReadModels);
    const [last] = (await readModels.store.readAll({ streamPrefixes: ['mentorship-'] })).slice(-1);
    expect((await readModels.status.waitFor(last.position, 10_000)).stale).toBe(false);
    const listed = (await curator.get('/api/mentorships?pageSize=100')).body.items;
    expect(listed.map((m: { id: string }) => m.id).sort()).toEqual([...ids].sort());
    expect(listed.every((m: { state: string }) => m.state === 'ordered')).toBe(true);

    const fresh = new ReadModelDatabase({ file: ':memory:' });
    try {
      const reference = await rebuild(readModels.store, fresh, readModels.projections);
      expect(dumpGeneration(readModels.db, activeGeneration(readModels.db)!, readModels.projections))
        .toEqual(dumpGeneration(fresh, reference.generation, readModels.projections));
    } finally {
      fresh.close();
    }
  });
});
