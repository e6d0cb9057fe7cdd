import { JsonLogger } from '../../apps/api/src/operations/json-logger';
import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/** A name nobody else uses, so finding it anywhere in the log output means a body leaked. */
const SECRET_NAME = 'Засекреченная Евдокия Прохоровна';

/** The operator's view: one JSON line per request with no personal field, and Prometheus metrics. */
describe('operations: request logs and metrics', () => {
  let app: TestApp;
  let curator: ApiClient;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    app.nest.useLogger(new JsonLogger((line) => lines.push(line)));
    curator = await app.user(['curator']);
  });
  afterAll(() => app.close());

  const requestLines = () => lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');

  it('logs method, route pattern, status, duration and request id; never a body, a name or a raw URL', async () => {
    const person = await curator.post('/api/people', { fullName: SECRET_NAME, position: 'Воспитатель', firstWorkingDay: '2026-09-01' }, { 'X-Request-Id': 'trace-42' });
    expect(person.status).toBe(201);
    await curator.post('/api/people', { fullName: SECRET_NAME, position: '', firstWorkingDay: 'вчера' });
    await curator.request('POST', '/api/people', `{"fullName":"${SECRET_NAME}"`, { 'content-type': 'application/json' });
    await curator.get(`/api/people/${person.body.id}?q=${encodeURIComponent(SECRET_NAME)}`);
    await app.as('mt_wrong').post('/api/people', { fullName: SECRET_NAME });

    const logged = requestLines();
    expect(logged.find((l) => l.requestId === 'trace-42')).toMatchObject({
      level: 'info', context: 'http', method: 'POST', route: '/api/people', status: 201, durationMs: expect.any(Number),
    });
    expect(logged.map((l) => l.status)).toEqual(expect.arrayContaining([201, 400, 200, 401]));
    expect(logged.find((l) => l.status === 400 && l.route === 'unmatched')).toMatchObject({ code: 'invalid-json' });
    expect(logged.find((l) => l.method === 'GET')).toMatchObject({ route: '/api/people/:id' });
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET_NAME);
    expect(all).not.toContain(encodeURIComponent(SECRET_NAME));
    expect(all).not.toContain(person.body.id);
    expect(all).not.toContain(curator.token!);
  });

  it('serves Prometheus metrics: steps by type and outcome, step latency, store errors, projection lag hook', async () => {
    const mentor = await hire(app, curator, 'Наставник Метрики', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемая Метрики', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'С' });
    await curator.step(id, 'complete', { date: '2026-09-12', reason: 'plan-fulfilled' });

    const r = await fetch(`${app.baseUrl}/api/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    const text = await r.text();
    expect(text).toMatch(/mentorship_steps_total\{step="propose",outcome="accepted"\} 1/);
    expect(text).toMatch(/mentorship_steps_total\{step="consent",outcome="accepted"\} 1/);
    expect(text).toMatch(/mentorship_steps_total\{step="complete",outcome="state"\} 1/);
    expect(text).toMatch(/mentorship_step_duration_seconds_bucket\{le="0\.1",step="consent"\} 1/);
    expect(text).toContain('# TYPE event_store_errors_total counter');
    expect(text).toContain('# TYPE projection_lag_seconds gauge');
    expect(text).toMatch(/event_store_commit_appends_count \d+/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    expect(text).not.toContain(mentor.id);
  });
});
