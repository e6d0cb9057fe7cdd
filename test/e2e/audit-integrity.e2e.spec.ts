import { join } from 'node:path';
import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { doubleTampering, sqliteTampering, type StoreTampering } from './support/store-tampering';
import { startTestApp, type TestApp } from './support/test-app';
import { EsdbDouble } from '../esdb-double/esdb-double';
import { createEventStore, positionToString, type EventStore, type RecordedEvent } from '#libs/event-store';
import { eventually } from './support/eventually';

interface StoreKind {
  name: string;
  start(): Promise<{ store?: EventStore; tampering(app: TestApp): StoreTampering; stop(): Promise<void> }>;
}

const STORES: StoreKind[] = [
  { name: 'embedded store', start: async () => ({ tampering: (app) => sqliteTampering(join(app.dir, 'events.sqlite')), stop: async () => undefined }) },
  {
    name: 'EventStoreDB (protocol double)',
    start: async () => {
      const double = await EsdbDouble.start();
      return { store: createEventStore({ EVENTSTORE_CONNECTION_STRING: double.connectionString }), tampering: () => doubleTampering(double.log), stop: () => double.stop() };
    },
  },
];

/** Polls until `done` holds (the sealer works in the background); the test fails by its own timeout otherwise. */
describe.each(STORES)('audit: tamper evidence ($name)', (kind: StoreKind) => {
  let app: TestApp;
  let backend: Awaited<ReturnType<StoreKind['start']>>;
  let tampering: StoreTampering;
  let auditor: ApiClient;
  let curator: ApiClient;
  let head: ApiClient;
  let mentorClient: ApiClient;
  let id: string;
  /** The organisation's events in log order, as stored. */
  let logged: RecordedEvent[];

  const verify = async (client = auditor) => (await client.get('/api/audit/verify')).body;
  const eventOf = (streamId: string, type: string) => logged.find((e) => e.streamId === streamId && e.type === type)!;
  const ordinalOf = (e: RecordedEvent) => logged.indexOf(e) + 1;

  beforeAll(async () => {
    backend = await kind.start();
    app = await startTestApp({ store: backend.store, sealer: true });
    tampering = backend.tampering(app);
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    const second = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentee');
    mentorClient = mentor.client;
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' });
    expect((await head.step(id, 'order', { number: '45-к', date: '2026-09-15' })).status).toBe(200);
    expect((await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] })).status).toBe(200);
    expect((await mentee.client.step(id, 'acknowledge', { date: '2026-09-21' })).status).toBe(200);
    const other = (await curator.post('/api/mentorships', proposal(mentor.id, [second.id]))).body.id;
    await curator.step(other, 'consent', { personId: second.id, given: false, date: '2026-09-12', documentRef: 'Отказ №3' });
    logged = (await app.store.readAll()).filter((e) => !e.streamId.startsWith('auditchain-') && e.metadata.orgId === 'default');
    await eventually(verify, (r) => r.unsealed === 0 && r.checked === logged.length, Infinity);
  });
  afterAll(async () => {
    await app.close();
    await backend.stop();
  });

  it('after a realistic workload the chain is intact up to the last position, with its head, and nothing left unsealed', async () => {
    const r = await verify();
    expect(r).toMatchObject({ intact: true, scope: 'default', checked: logged.length, unsealed: 0 });
    expect(r.chains[0]).toMatchObject({ orgId: 'default', position: positionToString(logged[logged.length - 1].position), head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(r.summary).toBe(`Организация default: журнал цел, проверено событий: ${logged.length}; контрольная сумма после последнего из них: ${r.chains[0].head}.`);
    expect((await verify(head)).intact).toBe(true);
  });

  it('only staff who oversee the programme may run it, and the refusal cites the clause', async () => {
    const r = await mentorClient.get('/api/audit/verify');
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'role-not-allowed', clause: '§3.3, §3.4' });
    expect(r.body.detail).toContain('аудитору');
  });

  it('an event changed in storage is reported at its position as changed', async () => {
    const order = eventOf(`mentorship-${id}`, 'OrderIssued');
    const restore = await tampering.change(order, { number: '46-к', date: '2026-09-15' });
    try {
      const r = await verify();
      expect(r.intact).toBe(false);
      expect(r.firstBreak).toMatchObject({ kind: 'changed', position: positionToString(order.position), ordinal: ordinalOf(order), eventId: order.id, streamId: `mentorship-${id}`, revision: 3 });
      expect(r.chains[0].checked).toBe(ordinalOf(order) - 1);
      expect(r.summary).toContain('изменено');
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });

  it('an event deleted from storage is reported at its position as deleted', async () => {
    const consent = eventOf(`mentorship-${id}`, 'ConsentRecorded');
    const restore = await tampering.remove(consent);
    try {
      const r = await verify();
      expect(r.firstBreak).toMatchObject({ kind: 'deleted', position: positionToString(consent.position), ordinal: ordinalOf(consent), eventId: consent.id, streamId: `mentorship-${id}`, revision: 1 });
      expect(r.summary).toContain('удалено');
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });

  it('two events swapped in storage are reported at the first position as inserted or reordered', async () => {
    const program = eventOf(`mentorship-${id}`, 'ProgramDrafted');
    const registered = logged.filter((e) => e.type === 'PersonRegistered').at(-1)!;
    const [first, second] = [program, registered].sort((a, b) => logged.indexOf(a) - logged.indexOf(b));
    const restore = await tampering.swap(first, second);
    try {
      const r = await verify();
      expect(r.firstBreak).toMatchObject({
        kind: 'inserted', position: positionToString(first.position), ordinal: ordinalOf(first), eventId: second.id,
        expected: { eventId: first.id, streamId: first.streamId, revision: first.revision },
      });
      expect(r.summary).toContain('вставлено или переставлено');
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });
});
