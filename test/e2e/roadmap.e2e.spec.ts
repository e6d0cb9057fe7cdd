import type { ApiClient } from './support/api-client';
import { hire, type Staff } from './support/kindergarten';
import { BEFORE_TRAINING, FROM_TRAINING } from './support/roadmap-walk';
import { startTestApp, type TestApp } from './support/test-app';

/** The organisation's roadmap through HTTP: the whole walk, its refusals, and where the report shows it. Today is 2026-11-24. */
describe('roadmap (the «Примерная дорожная карта», §3.3, §3.4)', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let mentor: Staff;
  let mentee: Staff;
  let lastPosition = '';
  const step = (who: ApiClient, name: string, body: unknown, headers?: Record<string, string>) => who.post(`/api/roadmap/steps/${name}`, body, headers);
  const mark = (activityId: string, date = '2026-09-01', headers?: Record<string, string>) => step(curator, 'activity-done', { activityId, date, documentRef: `Документ ${activityId}` }, headers);

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor', '2015-09-01');
    mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
  });
  afterAll(() => app.close());

  it('walks from draft to implemented, refusing what the regulation does not allow on the way', async () => {
    const empty = await curator.get('/api/roadmap');
    expect(empty.status).toBe(200);
    expect(empty.body.revision).toBe(-1);
    expect(empty.body).toMatchObject({ phase: 'new', phaseTitle: 'не разработана', stage: null });
    expect(empty.body.availableSteps.map((s: any) => s.step)).toEqual(['draft']);
    expect(empty.body.stages).toHaveLength(7);

    // The head approves but does not draft (§3.4); the curator drafts.
    const byHead = await step(head, 'draft', { date: '2026-08-20', documentRef: 'Дорожная карта' });
    expect(byHead.status).toBe(403);
    expect(byHead.body).toMatchObject({ code: 'role-not-allowed', clause: '§3.4' });
    const drafted = await step(curator, 'draft', { date: '2026-08-20', documentRef: 'Дорожная карта на 2026/27 учебный год' });
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ phase: 'drafted', revision: 0 });

    // Nothing is marked before the head approves (§3.3), and only the head approves.
    const early = await mark('1.1', '2022-03-31');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'step-not-allowed', clause: '§3.3', allowedSteps: [] });
    expect((await step(curator, 'approve', { date: '2026-08-25', documentRef: 'Приказ' })).body).toMatchObject({ code: 'role-not-allowed', clause: '§3.3' });
    const stale = await step(head, 'approve', { date: '2026-08-25', documentRef: 'Приказ № 30' }, { 'If-Match': '"7"' });
    expect(stale.status).toBe(412);
    const approved = await step(head, 'approve', { date: '2026-08-25', documentRef: 'Приказ № 30 от 25.08.2026' }, { 'If-Match': '"0"' });
    expect(approved.status).toBe(200);
    expect(approved.headers.get('etag')).toBe('"1"');
    expect(approved.body).toMatchObject({ phase: 'approved', stage: { no: 1, title: 'Подготовка условий для реализации системы наставничества' } });
    expect(approved.body.missing.map((m: any) => m.id)).toEqual(['1.1', '7.1']);

    // A stage not reached is refused with what is missing first.
    const ahead = await mark('3.1');
    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({ code: 'stage-not-reached', clause: 'Дорожная карта, этап 1' });
    expect(ahead.body.detail).toContain('1.1');

    // A retry with the same Idempotency-Key writes nothing; the key reused for another body is refused.
    const first = await mark('1.1', '2022-03-31', { 'Idempotency-Key': 'order-12' });
    expect(first.status).toBe(200);
    expect(first.body.stage.no).toBe(2);
    const retry = await mark('1.1', '2022-03-31', { 'Idempotency-Key': 'order-12' });
    expect(retry.body).toMatchObject({ replayed: true, revision: first.body.revision });
    expect((await mark('2.1', '2026-09-01', { 'Idempotency-Key': 'order-12' })).status).toBe(422);
    expect((await mark('1.1', '2026-09-02')).body).toMatchObject({ code: 'activity-already-done' });
    expect((await mark('2.1', '2026-11-25')).body).toMatchObject({ code: 'date-in-future' });

    for (const id of BEFORE_TRAINING.slice(1)) expect((await mark(id)).status).toBe(200);
    const atFour = (await curator.get('/api/roadmap')).body;
    expect(atFour.stage).toEqual({ no: 4, title: 'Отбор и обучение' });
    expect(atFour.availableSteps.map((s: any) => s.step)).toEqual(['activity-done', 'mentor-trained']);

    // Training is recorded for mentors of the bank only, once; 4.2 needs at least one.
    expect((await mark('4.2')).body).toMatchObject({ code: 'no-trained-mentors' });
    const notMentor = await step(curator, 'mentor-trained', { personId: mentee.id, date: '2026-09-05', documentRef: 'Удостоверение № 1' });
    expect(notMentor.status).toBe(422);
    expect(notMentor.body).toMatchObject({ code: 'mentor-not-in-bank', clause: 'Дорожная карта, этап 4; §3.8' });
    const trained = await step(curator, 'mentor-trained', { personId: mentor.id, date: '2026-09-05', documentRef: 'Удостоверение № 2' });
    expect(trained.status).toBe(200);
    expect(trained.body.trainedMentors).toEqual([{ personId: mentor.id, date: '2026-09-05', documentRef: 'Удостоверение № 2', fullName: 'Иванова Мария Петровна' }]);
    expect((await step(curator, 'mentor-trained', { personId: mentor.id, date: '2026-09-06', documentRef: 'x' })).status).toBe(409);

    for (const id of FROM_TRAINING) expect((await mark(id)).status).toBe(200);
    const done = (await curator.get('/api/roadmap')).body;
    expect(done).toMatchObject({ phase: 'implemented', phaseTitle: 'все мероприятия выполнены', stage: null, missing: [] });
    expect(done.stages.every((s: any) => s.status === 'done')).toBe(true);
    expect(done.stages[0].activities[0].done).toEqual({ date: '2022-03-31', documentRef: 'Документ 1.1' });
    // A conditional activity of stage 1 is still open.
    const conditional = await mark('1.2', '2026-10-01');
    expect(conditional.status).toBe(200);
    lastPosition = conditional.body.position;
  });

  it('every member of the organisation sees the stage; who was trained, by name, only the staff', async () => {
    const v = await mentor.client.get('/api/roadmap');
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ phase: 'implemented', trainedMentorCount: 1, availableSteps: [] });
    expect(v.body.trainedMentors).toBeUndefined();
    expect((await mentor.client.post('/api/roadmap/steps/activity-done', { activityId: '1.3', date: '2026-10-01', documentRef: 'x' })).status).toBe(403);
    expect((await curator.post('/api/roadmap/steps/nonsense', {})).status).toBe(404);
    const bad = await curator.post('/api/roadmap/steps/activity-done', { activityId: '9.9', date: '2026-10-01', documentRef: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('activityId');
    const doc = (await curator.get('/api/openapi.json')).body;
    expect(doc.paths['/api/roadmap/steps/activity-done'].post.requestBody.content['application/json'].schema.required).toEqual(['activityId', 'date', 'documentRef']);
  });

  it('the monitoring report shows the roadmap as it stood at the period\'s end', async () => {
    const r = await curator.get(`/api/reports/monitoring?from=2026-01-01&to=2026-08-31&after=${lastPosition}`);
    expect(r.body.stale).toBe(false);
    expect(r.body.roadmap).toMatchObject({ phase: 'approved', stage: { no: 2 }, approvedOn: '2026-08-25' });
    const later = await curator.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31');
    expect(later.body.roadmap).toMatchObject({ phase: 'implemented', stage: null });
    const csv = await curator.get('/api/reports/monitoring?from=2026-01-01&to=2026-08-31&format=csv');
    expect(String(csv.body)).toContain('Дорожная карта на конец периода;Текущий этап;2. Формирование банка наставляемых;');
  });
});
