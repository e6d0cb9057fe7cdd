import { STEP_NAMES } from '#core/mentorship';
import { ApiClient, type ApiResponse } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A step's answer (and a proposal's) is built from the state it decided on and the events it just
 * wrote, not read again. The lifecycle walks run here once more, and an early end below, every
 * accepted step compared with a GET of the same mentorship by the same caller right after it: nothing
 * else writes in between, so the answer must be that view exactly (plus its position and `replayed`).
 */
const request = ApiClient.prototype.request;
const STEP = /^\/api\/mentorships(?:\/([^/]+)\/steps\/([^/?]+))?$/;
const compared = new Set<string>();

ApiClient.prototype.request = async function (this: ApiClient, method, path, body, headers): Promise<ApiResponse> {
  const res = await request.call(this, method, path, body, headers);
  const m = STEP.exec(path);
  if (method !== 'POST' || !m || res.status >= 300 || res.body?.replayed !== false) return res;
  const step = m[2] ?? 'propose';
  const view = m[1] ? (({ position, replayed, ...rest }) => rest)(res.body) : res.body.mentorship;
  const read = await request.call(this, 'GET', `/api/mentorships/${m[1] ?? res.body.id}`);
  expect({ step, view, etag: res.headers.get('etag') }).toEqual({ step, view: read.body, etag: read.headers.get('etag') });
  compared.add(step);
  return res;
};

require('./lifecycle.e2e.spec');

describe('an early end by written notice', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers with the view a read gives', async () => {
    const curator = await app.user(['curator']);
    const head = await app.user(['head']);
    const mentor = await hire(app, curator, 'Фёдорова Галина Павловна', 'mentor');
    const mentee = await hire(app, curator, 'Морозова Алина Игоревна', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    for (const who of [mentor.id, mentee.id]) await curator.step(id, 'consent', { personId: who, given: true, date: '2026-09-11', documentRef: 'Согласие' });
    await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
    await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] });
    await mentee.client.step(id, 'acknowledge', { date: '2026-09-21' });
    const ended = await curator.step(id, 'end-early', { noticeBy: 'mentor', noticeDate: '2026-11-16', noticeRef: 'Заявление', date: '2026-11-19' });
    expect(ended.body).toMatchObject({ state: 'completed', replayed: false });
  });
});

afterAll(() => {
  expect([...compared].sort()).toEqual(['propose', ...STEP_NAMES].sort());
});
