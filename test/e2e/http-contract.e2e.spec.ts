import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

const PROBLEM = 'application/problem+json';

describe('HTTP contract: refusals, revisions, idempotency, OpenAPI', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let mentorId: string;
  let menteeId: string;

  const eventCount = async () => (await app.store.readAll()).length;
  /** A mentor and a mentee of their own, so one test's load never limits another's. */
  const freshPair = async (tag: string) => ({
    mentorId: (await hire(app, curator, `Наставник ${tag}`, 'mentor')).id,
    menteeId: (await hire(app, curator, `Наставляемый ${tag}`, 'mentee')).id,
  });

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    mentorId = (await hire(app, curator, 'Наставник Контракт', 'mentor')).id;
    menteeId = (await hire(app, curator, 'Наставляемый Контракт', 'mentee')).id;
  });
  afterAll(() => app.close());

  it('401 without or with a wrong token', async () => {
    const none = await app.as(undefined as unknown as string).get('/api/mentorships/x');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain(PROBLEM);
    expect((await app.as('mt_wrong').get('/api/mentorships/x')).body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('400 lists every invalid field in Russian, refuses extra fields, and writes nothing', async () => {
    const before = await eventCount();
    const r = await curator.post('/api/mentorships', { mentorId, menteeIds: [], form: 'solo', topic: '', plannedStart: '2026-02-30', plannedEnd: '2027-01-01', date: '2026-09-01', extra: 1 });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain(PROBLEM);
    expect(r.body.code).toBe('invalid-body');
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['menteeIds', 'form', 'topic', 'plannedStart', '']));
    expect(r.body.detail).toMatch(/[а-я]/);
    expect(await eventCount()).toBe(before);
    expect((await curator.request('POST', '/api/mentorships', '{not json', { 'content-type': 'application/json' })).body.code).toBe('invalid-json');
  });

  it('403 for a role the regulation does not give the step, with the clause; an auditor writes nothing', async () => {
    const before = await eventCount();
    const byHead = await head.post('/api/mentorships', proposal(mentorId, [menteeId]));
    expect(byHead.status).toBe(403);
    expect(byHead.body).toMatchObject({ code: 'role-not-allowed', clause: '§3.4' });
    expect((await auditor.post('/api/people', { fullName: 'X', position: 'Y', firstWorkingDay: '2026-01-01' })).status).toBe(403);
    expect(await eventCount()).toBe(before);
  });

  it('404 for an unknown mentorship or step', async () => {
    expect((await curator.get('/api/mentorships/00000000-0000-0000-0000-000000000000')).body.code).toBe('not-found');
    const id = (await curator.post('/api/mentorships', proposal(mentorId, [menteeId]))).body.id;
    expect((await curator.step(id, 'teleport', {})).body).toMatchObject({ status: 404, code: 'unknown-step' });
    await curator.step(id, 'withdraw', { date: '2026-09-10', reason: 'тест' });
  });

  it('409 lists the steps allowed now when a step is out of order', async () => {
    const id = (await curator.post('/api/mentorships', proposal(mentorId, [menteeId]))).body.id;
    const r = await curator.step(id, 'complete', { date: '2026-09-11', reason: 'plan-fulfilled' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'step-not-allowed', clause: '§7.1', state: 'proposed' });
    expect(r.body.allowedSteps).toEqual(expect.arrayContaining(['consent', 'withdraw']));
    await curator.step(id, 'withdraw', { date: '2026-09-11', reason: 'тест' });
  });

  it('422 for a rule, citing its clause: duration, dates in the future or backwards', async () => {
    const { mentorId, menteeId } = await freshPair('422 for a ');
    const long = await curator.post('/api/mentorships', proposal(mentorId, [menteeId], { plannedEnd: '2027-12-01' }));
    expect(long.body).toMatchObject({ status: 422, code: 'planned-duration-out-of-range', clause: '§3.7' });
    const future = await curator.post('/api/mentorships', proposal(mentorId, [menteeId], { date: '2026-11-25' }));
    expect(future.body).toMatchObject({ status: 422, code: 'date-in-future' });
    const id = (await curator.post('/api/mentorships', proposal(mentorId, [menteeId]))).body.id;
    const back = await curator.step(id, 'consent', { personId: mentorId, given: true, date: '2026-09-01', documentRef: 'С' });
    expect(back.body).toMatchObject({ status: 422, code: 'date-before-previous-step' });
  });

  it('ETag and If-Match: a stale revision gets 412 and writes nothing', async () => {
    const { mentorId, menteeId } = await freshPair('ETag and I');
    const created = await curator.post('/api/mentorships', proposal(mentorId, [menteeId], { plannedEnd: '2026-12-15' }));
    const id = created.body.id;
    expect(created.body.mentorship.warnings).toEqual([expect.objectContaining({ code: 'program-shorter-than-3-months', clause: '§1.2' })]);
    const got = await curator.get(`/api/mentorships/${id}`);
    expect(got.headers.get('etag')).toBe('"0"');
    const ok = await curator.step(id, 'consent', { personId: mentorId, given: true, date: '2026-09-11', documentRef: 'С-1' }, { 'If-Match': '"0"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"1"');
    const before = await eventCount();
    const stale = await curator.step(id, 'consent', { personId: menteeId, given: true, date: '2026-09-11', documentRef: 'С-2' }, { 'If-Match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale-revision');
    expect(await eventCount()).toBe(before);
  });

  it('Idempotency-Key: a retried step returns the first answer and writes nothing new', async () => {
    const { mentorId, menteeId } = await freshPair('Idempotenc');
    const key = { 'Idempotency-Key': 'propose-once-1' };
    const body = proposal(mentorId, [menteeId], { topic: 'Идемпотентность' });
    const first = await curator.post('/api/mentorships', body, key);
    const before = await eventCount();
    const retry = await curator.post('/api/mentorships', body, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: first.body.id, revision: 0, replayed: true });
    expect(await eventCount()).toBe(before);

    const id = first.body.id;
    const consent = { personId: mentorId, given: true, date: '2026-09-11', documentRef: 'С-9' };
    const a = await curator.step(id, 'consent', consent, { 'Idempotency-Key': 'c-1' });
    const b = await curator.step(id, 'consent', consent, { 'Idempotency-Key': 'c-1' });
    expect(b.status).toBe(200);
    expect(b.body.revision).toBe(a.body.revision);
    expect((await curator.get(`/api/mentorships/${id}`)).body.revision).toBe(1);
    const reused = await curator.step(id, 'consent', { ...consent, documentRef: 'другой' }, { 'Idempotency-Key': 'c-1' });
    expect(reused.body).toMatchObject({ status: 422, code: 'idempotency-key-reused' });
  });

  it('many concurrent proposals for one mentor never exceed three mentees (§3.7)', async () => {
    const mentor = await hire(app, curator, 'Наставник Гонка', 'mentor');
    const mentees = await Promise.all(Array.from({ length: 12 }, (_, i) => hire(app, curator, `Наставляемый ${i}`, 'mentee')));
    const results = await Promise.all(mentees.map((m) => curator.post('/api/mentorships', proposal(mentor.id, [m.id]))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'mentor-capacity-exceeded')).toBe(true);
    expect((await curator.get(`/api/people/${mentor.id}`)).body.mentorLoad.current).toBe(3);
  });

  it('concurrent conflicting steps on one mentorship: exactly one wins per revision', async () => {
    const mentor = await hire(app, curator, 'Наставник Конфликт', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемый Конфликт', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    const tries = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: `С-${i}` }, { 'If-Match': '"0"' })));
    expect(tries.filter((r) => r.status === 200)).toHaveLength(1);
    expect(tries.filter((r) => r.status !== 200).every((r) => [409, 412, 422].includes(r.status))).toBe(true);
    expect((await curator.get(`/api/mentorships/${id}`)).body.revision).toBe(1);
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const doc = (await app.as(undefined as unknown as string).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const order = doc.paths['/api/mentorships/{id}/steps/order'].post.requestBody.content['application/json'].schema;
    expect(order).toMatchObject({ type: 'object', required: ['number', 'date'], additionalProperties: false });
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/mentorships/') && p.includes('/steps/'))).toHaveLength(15);
  });

  it('availableSteps carry the JSON Schema of each body', async () => {
    const { mentorId, menteeId } = await freshPair('availableS');
    const id = (await curator.post('/api/mentorships', proposal(mentorId, [menteeId], { topic: 'Схемы' }))).body.id;
    const steps = (await curator.get(`/api/mentorships/${id}`)).body.availableSteps;
    const consent = steps.find((s: { step: string }) => s.step === 'consent');
    expect(consent.schema.properties.given).toEqual(expect.objectContaining({ type: 'boolean' }));
    expect(consent.href).toBe(`/api/mentorships/${id}/steps/consent`);
  });
});
