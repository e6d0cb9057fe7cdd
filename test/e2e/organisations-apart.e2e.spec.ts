import { randomUUID } from 'node:crypto';
import type { LogPosition } from '#libs/event-store';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

describe('organisations apart: the demo, reminders and accounts', () => {
  let app: TestApp;
  afterEach(() => app?.close());

  const orgsWritten = async (after?: LogPosition) => [...new Set((await app.store.readAll(after ? { after } : {})).map((e) => e.metadata.orgId))];
  const lastPosition = async () => (await app.store.readAll()).pop()?.position;

  it('loads the demo into the caller\'s own organisation, and only while that organisation is empty', async () => {
    app = await startTestApp();
    const other = await app.organisation('org-demo');
    const start = await lastPosition();
    expect((await other.admin.get('/api/demo')).body).toEqual({ available: true });
    const loaded = await other.admin.post('/api/demo', {});
    expect(loaded.status).toBe(201);
    expect(await orgsWritten(start)).toEqual(['org-demo']);
    const token = (title: string) => loaded.body.accounts.find((x: { title: string }) => x.title === title).token as string;
    expect((await app.as(token('Администратор')).get('/api/session')).body.orgId).toBe('org-demo');
    expect((await app.as(token('Куратор')).get('/api/mentorships')).body.total).toBe(4);
    // The default organisation saw nothing and is still empty: its own administrator may load its own demo.
    expect((await app.admin.get('/api/mentorships')).body.total).toBe(0);
    expect((await app.admin.get('/api/demo')).body).toEqual({ available: true });
    // The organisation that has data now is refused, with the reason.
    expect((await other.admin.get('/api/demo')).body).toEqual({ available: false });
    expect(await other.admin.post('/api/demo', {})).toMatchObject({ status: 409, body: { code: 'store-not-empty' } });
    expect((await app.admin.post('/api/demo', {})).status).toBe(201);
  }, 60_000);

  it('runs reminders for the caller\'s organisation only', async () => {
    app = await startTestApp();
    const orgs = [await app.organisation('org-x'), await app.organisation('org-y')];
    for (const org of orgs) {
      const curator = await org.user(['curator']);
      const head = await org.user(['head']);
      const mentor = await hire(org, curator, 'Иванова Мария Петровна', 'mentor');
      const mentee = await hire(org, curator, 'Петрова Анна Сергеевна', 'mentee');
      const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
      for (const p of [mentor, mentee]) await curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-11', documentRef: 'Согласие' });
      // Ordered on 15.09: the program was due by 25.09 (§3.6), long overdue by the tests' today.
      expect((await head.step(id, 'order', { number: '1-к', date: '2026-09-15' })).status).toBe(200);
    }
    const position = (await lastPosition())!;
    const run = await orgs[1].admin.post(`/api/reminders/run?after=${position.commit}/${position.prepare}`, {});
    expect(run.status).toBe(200);
    expect(run.body.recorded).toBeGreaterThan(0);
    expect((await app.store.readStream('reminder-org-x'))).toEqual([]);
    expect((await app.store.readStream('reminder-org-y')).length).toBe(run.body.recorded);
    expect(await orgsWritten(position)).toEqual(['org-y']);
    expect((await orgs[0].admin.post('/api/reminders/run', {})).body.recorded).toBe(run.body.recorded);
    expect((await app.store.readStream('reminder-org-x')).length).toBe(run.body.recorded);
  }, 60_000);

  it('an administrator makes accounts only for people of their own organisation', async () => {
    app = await startTestApp();
    const other = await app.organisation('org-z');
    const curator = await app.user(['curator']);
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const start = await lastPosition();
    const foreign = await other.admin.post('/api/users', { name: 'Чужая', roles: ['mentor'], personId: mentor.id });
    const unknown = await other.admin.post('/api/users', { name: 'Никто', roles: ['mentor'], personId: randomUUID() });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'person-not-found' } });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: foreign.status, code: foreign.body.code });
    expect(foreign.body.detail).toMatch(/[а-я]/);
    expect(await app.store.readAll({ after: start })).toEqual([]);
    expect((await app.admin.post('/api/users', { name: 'Своя', roles: ['mentor'], personId: mentor.id })).status).toBe(201);
  }, 60_000);

  it('an account is refused with a 4xx for a person whose data was destroyed or who withdrew consent', async () => {
    app = await startTestApp();
    const curator = await app.user(['curator']);
    const head = await app.user(['head']);
    const withdrawn = await hire(app, curator, 'Отозвавшая Согласие Ивановна', 'none');
    const erased = await hire(app, curator, 'Стёртая Данные Петровна', 'none');
    for (const p of [withdrawn, erased]) {
      expect((await curator.post(`/api/people/${p.id}/consent-withdrawal`, { date: '2026-10-01', documentRef: 'Отзыв' })).status).toBe(201);
    }
    expect((await head.post(`/api/people/${erased.id}/personal-data-destruction`, { date: '2026-10-05', orderNumber: '7', orderDate: '2026-10-05' })).status).toBe(201);
    const start = await lastPosition();
    expect(await app.admin.post('/api/users', { name: 'Стёртая', roles: ['mentee'], personId: erased.id }))
      .toMatchObject({ status: 422, body: { code: 'person-data-destroyed' } });
    expect(await app.admin.post('/api/users', { name: 'Отозвавшая', roles: ['mentee'], personId: withdrawn.id }))
      .toMatchObject({ status: 422, body: { code: 'person-consent-withdrawn' } });
    expect(await app.store.readAll({ after: start })).toEqual([]);
  }, 60_000);
});
