import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StoreUnavailableError, type EventStore } from '#libs/event-store';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { testClock } from '../support/test-clock';

/** A store that fails the next append to a matching stream, as if the process died between two appends. */
function storeFailingOnce(inner: EventStore): EventStore & { failNext(prefix: string): void } {
  let failing: string | null = null;
  return Object.assign(Object.create(inner), {
    failNext(prefix: string) {
      failing = prefix;
    },
    append(streamId: string, events: Parameters<EventStore['append']>[1], expected: Parameters<EventStore['append']>[2]) {
      if (failing && streamId.startsWith(failing)) {
        failing = null;
        return Promise.reject(new StoreUnavailableError('simulated crash'));
      }
      return inner.append(streamId, events, expected);
    },
  });
}

describe('a command interrupted between its appends', () => {
  let app: TestApp;
  const store = storeFailingOnce(new SqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'interrupted-')), 'events.sqlite'), now: testClock.now }));
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(() => app.close());

  it('a proposal stopped after its mentor reservation completes on retry with the same Idempotency-Key, holding one place', async () => {
    const curator = await app.user(['curator']);
    const mentor = await hire(app, curator, 'Наставник Сбой', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемый Сбой', 'mentee');
    const body = proposal(mentor.id, [mentee.id]);
    store.failNext('mentorship-');
    const failed = await curator.post('/api/mentorships', body, { 'Idempotency-Key': 'crash-1' });
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('store-unavailable');

    const retried = await curator.post('/api/mentorships', body, { 'Idempotency-Key': 'crash-1' });
    expect(retried.status).toBe(201);
    const reservations = (await store.readStream(`mentor-${mentor.id}`)).filter((e) => e.type === 'MenteeSlotsReserved');
    expect(reservations).toHaveLength(1);
    expect((await curator.get(`/api/people/${mentor.id}`)).body.mentorLoad.current).toBe(1);
  });

  it('a replacement stopped before its successor stream is finished by the retry, linked both ways', async () => {
    const curator = await app.user(['curator']);
    const head = await app.user(['head']);
    const mentor = await hire(app, curator, 'Старый наставник', 'mentor');
    const next = await hire(app, curator, 'Новый наставник', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемый Замена', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'С-1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'С-2' });
    await head.step(id, 'order', { number: '1-к', date: '2026-09-12' });
    const replace = { date: '2026-09-20', reason: 'transferred', newMentorId: next.id, newMentorConsentRef: 'С-3', orderNumber: '2-к' };
    // The predecessor's own append succeeds; fail the successor stream's creation.
    const appendsBefore = (await store.readAll()).length;
    let calls = 0;
    const original = store.append.bind(store);
    (store as { append: EventStore['append'] }).append = (s, e, x) => (s.startsWith('mentorship-') && s !== `mentorship-${id}` && calls++ === 0
      ? Promise.reject(new StoreUnavailableError('simulated crash')) : original(s, e, x));
    expect((await head.step(id, 'replace', replace, { 'Idempotency-Key': 'replace-1' })).status).toBe(503);
    expect((await store.readAll()).length).toBe(appendsBefore + 2); // reservation + MentorReplaced
    const retried = await head.step(id, 'replace', replace, { 'Idempotency-Key': 'replace-1' });
    expect(retried.status).toBe(200);
    expect(retried.body.replayed).toBe(true);
    const successor = await curator.get(`/api/mentorships/${retried.body.successorId}`);
    expect(successor.body).toMatchObject({ state: 'ordered', predecessorId: id });
    expect((await curator.get(`/api/people/${next.id}`)).body.mentorLoad.current).toBe(1);
  });
});
