import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { EsdbDouble } from '../esdb-double/esdb-double';
import { createEventStore, type EventStore } from '#libs/event-store';

interface StoreKind {
  name: string;
  start(): Promise<{ store?: EventStore; stop(): Promise<void> }>;
}

const STORES: StoreKind[] = [
  { name: 'embedded store', start: async () => ({ stop: async () => undefined }) },
  {
    // Configured exactly as production is: one variable, pointed here at the gRPC protocol double.
    name: 'EventStoreDB (protocol double)',
    start: async () => {
      const double = await EsdbDouble.start();
      return { store: createEventStore({ EVENTSTORE_CONNECTION_STRING: double.connectionString }), stop: () => double.stop() };
    },
  },
];

/** A curator, a head, mentors and mentees take mentorships through the whole lifecycle over HTTP. */
describe.each(STORES)('mentorship lifecycle over HTTP ($name)', (kind: StoreKind) => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let backend: Awaited<ReturnType<StoreKind['start']>>;

  beforeAll(async () => {
    backend = await kind.start();
    app = await startTestApp({ store: backend.store });
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
  });
  afterAll(async () => {
    await app.close();
    await backend.stop();
  });

  const stateOf = async (id: string) => (await curator.get(`/api/mentorships/${id}`)).body;
  const stepsOf = async (client: ApiClient, id: string) => (await client.get(`/api/mentorships/${id}`)).body.availableSteps.map((s: { step: string }) => s.step);

  it('takes a one-to-one mentorship from proposal to published results', async () => {
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee', '2026-09-01');

    const proposed = await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'proposed', revision: 0 });
    const id = proposed.body.id;
    expect(await stepsOf(curator, id)).toEqual(expect.arrayContaining(['consent', 'withdraw']));
    expect(await stepsOf(head, id)).toEqual([]);

    expect((await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' })).body.state).toBe('proposed');
    expect((await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' })).body.state).toBe('consented');
    expect(await stepsOf(head, id)).toEqual(['order']);

    const ordered = await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
    expect(ordered.status).toBe(200);
    expect(ordered.body.state).toBe('ordered');
    expect(ordered.body.deadlines).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'appointment', status: 'met', clause: '§3.7' }),
      expect.objectContaining({ kind: 'program', due: '2026-09-25', status: 'overdue', clause: '§3.6' }),
    ]));

    expect(await stepsOf(mentor.client, id)).toEqual(expect.arrayContaining(['program', 'request-replacement']));
    const drafted = await mentor.client.step(id, 'program', {
      date: '2026-09-30',
      activities: [
        { kind: 'workplace-intro', title: 'Знакомство с группой и коллективом', due: '2026-10-15' },
        { kind: 'practical-task', title: 'Открытое занятие', due: '2027-01-20' },
      ],
    });
    expect(drafted.status).toBe(200);
    expect(drafted.body.state).toBe('program-drafted');
    expect(drafted.body.program.activities.map((a: { id: string }) => a.id)).toEqual(['A1', 'A2']);
    expect(drafted.body.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'program', status: 'late', daysLate: 5 })]));

    expect((await mentee.client.step(id, 'acknowledge', { date: '2026-10-01' })).body.state).toBe('active');
    expect((await mentor.client.step(id, 'activity-done', { activityId: 'A1', date: '2026-10-10' })).status).toBe(200);

    const extended = await curator.step(id, 'extend', { date: '2026-10-20', plannedEnd: '2027-06-30', agreedBy: [mentor.id, mentee.id] });
    expect(extended.status).toBe(200);
    expect(extended.body.plannedEnd).toBe('2027-06-30');
    expect(extended.body.extensions).toHaveLength(1);

    const early = await curator.step(id, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'plan-not-fulfilled', clause: '§7.1' });

    expect((await mentor.client.step(id, 'activity-done', { activityId: 'A2', date: '2026-11-02' })).status).toBe(200);
    expect((await curator.step(id, 'complete', { date: '2026-11-03', reason: 'plan-fulfilled' })).body.state).toBe('completed');

    const prematurePublish = await curator.step(id, 'mentor-report', { date: '2026-11-05', text: 'x', recommendations: 'y' });
    expect(prematurePublish.status).toBe(403);

    expect((await mentor.client.step(id, 'mentor-report', { date: '2026-11-10', text: 'Программа выполнена', recommendations: 'Аттестация' })).status).toBe(200);
    const menteeReport = await mentee.client.step(id, 'mentee-report', { date: '2026-11-20', text: 'Было полезно', mentorEvaluation: 5 });
    expect(menteeReport.status).toBe(200);
    expect(menteeReport.body.deadlines).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'mentor-report', status: 'met' }),
      expect.objectContaining({ kind: 'mentee-report', status: 'late', daysLate: 7 }),
    ]));

    const published = await curator.step(id, 'publish', { date: '2026-11-21', summary: 'Молодой педагог провёл открытое занятие.' });
    expect(published.status).toBe(200);
    expect(published.body.publication).toEqual({ date: '2026-11-21', summary: 'Молодой педагог провёл открытое занятие.' });
    const again = await curator.step(id, 'publish', { date: '2026-11-22', summary: 'ещё раз' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'step-not-allowed', clause: '§8.2' });

    const view = await auditor.get(`/api/mentorships/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.revision).toBe(12);
    expect(view.body.availableSteps).toEqual([]);
  });

  it('runs a group mentorship that counts every mentee against the mentor limit', async () => {
    const mentor = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor');
    const mentees: Staff[] = [];
    for (const n of ['Кузнецова', 'Смирнова', 'Волкова', 'Зайцева']) mentees.push(await hire(app, curator, `${n} Е. А.`, 'mentee'));

    const group = await curator.post('/api/mentorships', proposal(mentor.id, mentees.slice(0, 3).map((m) => m.id)));
    expect(group.status).toBe(201);
    const fourth = await curator.post('/api/mentorships', proposal(mentor.id, [mentees[3].id]));
    expect(fourth.status).toBe(422);
    expect(fourth.body).toMatchObject({ code: 'mentor-capacity-exceeded', clause: '§3.7', currentMentees: 3 });

    const id = group.body.id;
    for (const p of [mentor, ...mentees.slice(0, 3)]) {
      expect((await curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-12', documentRef: `С-${p.id.slice(0, 4)}` })).status).toBe(200);
    }
    expect((await stateOf(id)).state).toBe('consented');
    expect((await head.step(id, 'order', { number: '46-к', date: '2026-09-14' })).status).toBe(200);
    expect((await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'theory', title: 'Семинар', due: '2026-12-01' }] })).status).toBe(200);
    expect((await mentees[0].client.step(id, 'acknowledge', { date: '2026-09-21' })).body.state).toBe('program-drafted');
    expect((await mentees[1].client.step(id, 'acknowledge', { date: '2026-09-21' })).body.state).toBe('program-drafted');
    const outsider = await mentees[3].client.step(id, 'acknowledge', { date: '2026-09-21' });
    expect(outsider.status).toBe(404);
    expect((await mentees[2].client.step(id, 'acknowledge', { date: '2026-09-22' })).body.state).toBe('active');

    const amendAlone = await mentor.client.step(id, 'amend', { date: '2026-10-01', activities: [{ kind: 'support', title: 'Консультации', due: '2026-12-15' }], agreedBy: [mentor.id] });
    expect(amendAlone.status).toBe(422);
    expect(amendAlone.body).toMatchObject({ code: 'mutual-consent-required', clause: '§7.2' });
    const amended = await mentor.client.step(id, 'amend', {
      date: '2026-10-01', activities: [{ kind: 'support', title: 'Консультации', due: '2026-12-15' }], agreedBy: [mentor.id, ...mentees.slice(0, 3).map((m) => m.id)],
    });
    expect(amended.status).toBe(200);
    expect(amended.body.program.activities.map((a: { id: string }) => a.id)).toEqual(['A2']);

    expect((await curator.step(id, 'complete', { date: '2026-10-05', reason: 'mutual-decision', note: 'Перевод в другую группу' })).body.state).toBe('completed');
    // Completion frees the mentor: the fourth mentee can now be proposed.
    expect((await curator.post('/api/mentorships', proposal(mentor.id, [mentees[3].id]))).status).toBe(201);
  });

  it('ends as declined when a participant refuses in writing', async () => {
    const mentor = await hire(app, curator, 'Орлова Т. В.', 'mentor');
    const mentee = await hire(app, curator, 'Лебедева К. Д.', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    const refused = await curator.step(id, 'consent', { personId: mentee.id, given: false, date: '2026-09-12', documentRef: 'Отказ №3' });
    expect(refused.body.state).toBe('declined');
    const order = await head.step(id, 'order', { number: '1', date: '2026-09-13' });
    expect(order.status).toBe(409);
    expect(order.body).toMatchObject({ code: 'step-not-allowed', clause: '§3.2, §3.7', allowedSteps: [] });
    // A declined mentorship no longer holds a place in the mentor's load.
    expect((await curator.get(`/api/people/${mentor.id}`)).body.mentorLoad.current).toBe(0);
  });

  it('replaces the mentor by order; the mentee continues in a successor linked both ways', async () => {
    const mentor = await hire(app, curator, 'Фёдорова Н. Н.', 'mentor');
    const next = await hire(app, curator, 'Морозова Г. Л.', 'mentor');
    const mentee = await hire(app, curator, 'Васильева И. И.', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'С-1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'С-2' });
    await head.step(id, 'order', { number: '50-к', date: '2026-09-12' });
    expect((await mentee.client.step(id, 'request-replacement', { date: '2026-09-20', reason: 'mentee-request', note: 'Разные смены' })).status).toBe(200);

    const byCurator = await curator.step(id, 'replace', { date: '2026-09-25', reason: 'mentee-request', newMentorId: next.id, newMentorConsentRef: 'С-3', orderNumber: '55-к' });
    expect(byCurator.status).toBe(403);
    expect(byCurator.body).toMatchObject({ code: 'role-not-allowed', clause: '§3.8' });

    const replaced = await head.step(id, 'replace', { date: '2026-09-25', reason: 'mentee-request', newMentorId: next.id, newMentorConsentRef: 'С-3', orderNumber: '55-к' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.state).toBe('replaced');
    const successorId = replaced.body.successorId;
    expect(successorId).toEqual(expect.any(String));

    const successor = await curator.get(`/api/mentorships/${successorId}`);
    expect(successor.body).toMatchObject({ state: 'ordered', predecessorId: id, mentor: { personId: next.id }, order: { number: '55-к', date: '2026-09-25' } });
    expect(await stepsOf(next.client, successorId)).toEqual(expect.arrayContaining(['program']));
    expect(await stepsOf(mentor.client, id)).toEqual([]);
    expect((await curator.get(`/api/people/${next.id}`)).body.mentorLoad.current).toBe(1);
    expect((await curator.get(`/api/people/${mentor.id}`)).body.mentorLoad.current).toBe(0);
  });

  it('withdraws a proposal before the order', async () => {
    const mentor = await hire(app, curator, 'Белова А. А.', 'mentor');
    const mentee = await hire(app, curator, 'Комарова Б. Б.', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    expect((await curator.step(id, 'withdraw', { date: '2026-09-12', reason: 'Наставляемый уволился' })).body.state).toBe('withdrawn');
  });

  it('holds the limit of three mentees under concurrent proposals for one mentor (§3.7)', async () => {
    const mentor = await hire(app, curator, 'Наставник Параллельно', 'mentor');
    const mentees = await Promise.all(Array.from({ length: 8 }, (_, i) => hire(app, curator, `Параллельный ${i}`, 'mentee')));
    const results = await Promise.all(mentees.map((m) => curator.post('/api/mentorships', proposal(mentor.id, [m.id]))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422 && r.body.code === 'mentor-capacity-exceeded')).toHaveLength(5);
  });
});
