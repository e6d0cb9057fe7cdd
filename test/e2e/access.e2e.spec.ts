import type { Role } from '#core/people';
import type { ApiClient, ApiResponse } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type Organisation, type TestApp } from './support/test-app';

/**
 * docs/access.md, row by row: who sees what. A group mentorship with both mentees' reports, read by
 * each role of its organisation, by a mentee of another mentorship, by another organisation and by
 * no one signed in.
 */
describe('who sees what (docs/access.md)', () => {
  let app: TestApp;
  let other: Organisation;
  let mentor: Staff;
  let mentees: Staff[];
  let outsider: Staff;
  let id: string;
  const as = {} as Record<Role | 'outsider' | 'otherOrg' | 'anonymous', ApiClient>;
  const STAFF = ['admin', 'head', 'curator', 'methodist', 'auditor'] as const;

  const ok = async (p: Promise<ApiResponse>, status = [200, 201]) => {
    const r = await p;
    if (!status.includes(r.status)) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Status of the same request for each reader. */
  const statuses = async (readers: (keyof typeof as)[], request: (c: ApiClient) => Promise<ApiResponse>) =>
    Object.fromEntries(await Promise.all(readers.map(async (r) => [r, (await request(as[r])).status] as const)));
  const all = (readers: readonly string[], status: number) => Object.fromEntries(readers.map((r) => [r, status]));

  beforeAll(async () => {
    app = await startTestApp();
    other = await app.organisation('org-other');
    as.admin = app.admin;
    for (const r of ['head', 'curator', 'methodist', 'auditor'] as const) as[r] = await app.user([r]);
    mentor = await hire(app, as.curator, 'Иванова Мария Петровна', 'mentor');
    mentees = [await hire(app, as.curator, 'Петрова Анна Сергеевна', 'mentee'), await hire(app, as.curator, 'Кузнецова Елена Андреевна', 'mentee')];
    outsider = await hire(app, as.curator, 'Соколова Ирина Павловна', 'mentee');
    as.mentor = mentor.client;
    as.mentee = mentees[0].client;
    as.outsider = outsider.client;
    as.otherOrg = await other.user(['curator', 'auditor']);
    as.anonymous = app.as(undefined as unknown as string);

    id = (await ok(as.curator.post('/api/mentorships', proposal(mentor.id, mentees.map((m) => m.id))))).id;
    for (const p of [mentor, ...mentees]) await ok(as.curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-11', documentRef: 'Согласие' }));
    await ok(as.head.step(id, 'order', { number: '45-к', date: '2026-09-15' }));
    await ok(mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] }));
    for (const m of mentees) await ok(m.client.step(id, 'acknowledge', { date: '2026-09-21' }));
    await ok(mentor.client.step(id, 'activity-done', { activityId: 'A1', date: '2026-10-10' }));
    await ok(as.curator.step(id, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' }));
    await ok(mentor.client.step(id, 'mentor-report', { date: '2026-11-05', text: 'Программа выполнена.', recommendations: 'Рекомендую аттестацию.' }));
    await ok(mentees[0].client.step(id, 'mentee-report', { date: '2026-11-06', text: 'Мой отзыв', mentorEvaluation: 5 }));
    await ok(mentees[1].client.step(id, 'mentee-report', { date: '2026-11-07', text: 'Отзыв коллеги', mentorEvaluation: 2 }));
  }, 120_000);
  afterAll(() => app.close());

  it('mentorship: staff of the organisation read every one; a mentor and a mentee their own; nobody else learns it exists', async () => {
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get(`/api/mentorships/${id}`))).toEqual({
      ...all(STAFF, 200), mentor: 200, mentee: 200, outsider: 404, otherOrg: 404, anonymous: 401,
    });
    const listed = async (c: ApiClient) => (await ok(c.get('/api/mentorships'))).items.some((m: { id: string }) => m.id === id);
    expect([await listed(as.curator), await listed(as.mentor), await listed(as.mentee), await listed(as.outsider), await listed(as.otherOrg)])
      .toEqual([true, true, true, false, false]);
  });

  it('reports: the mentor\'s report is read by everyone who reads the mentorship; a mentee\'s by its author, the mentor and the staff', async () => {
    const reports = async (c: ApiClient) => {
      const m = await ok(c.get(`/api/mentorships/${id}`));
      return { mentor: m.mentorReport?.text ?? null, mentees: Object.values(m.menteeReports).map((r: any) => r.text).sort() };
    };
    const both = { mentor: 'Программа выполнена.', mentees: ['Мой отзыв', 'Отзыв коллеги'] };
    for (const r of [...STAFF, 'mentor'] as const) expect(await reports(as[r])).toEqual(both);
    expect(await reports(as.mentee)).toEqual({ mentor: 'Программа выполнена.', mentees: ['Мой отзыв'] });
    // The history tells a mentee that the other reported, and when, but not what.
    const entries = (await ok(as.mentee.get(`/api/mentorships/${id}/history`))).entries.filter((e: any) => e.type === 'MenteeReportSubmitted');
    expect(entries.map((e: any) => ({ data: e.data, withheld: e.withheld }))).toEqual([
      { data: expect.objectContaining({ personId: mentees[0].id, text: 'Мой отзыв' }), withheld: undefined },
      { data: { personId: mentees[1].id, date: '2026-11-07' }, withheld: ['text', 'mentorEvaluation'] },
    ]);
    const curatorHistory = (await ok(as.curator.get(`/api/mentorships/${id}/history`))).entries.filter((e: any) => e.type === 'MenteeReportSubmitted');
    expect(curatorHistory.map((e: any) => e.data.text)).toEqual(['Мой отзыв', 'Отзыв коллеги']);
  });

  it('evaluations of the mentor: each one by its author, the mentor and the staff; the monitoring report\'s average by those who read the report', async () => {
    const evaluations = async (c: ApiClient) => Object.values((await ok(c.get(`/api/mentorships/${id}`))).menteeReports).map((r: any) => r.mentorEvaluation).sort();
    for (const r of [...STAFF, 'mentor'] as const) expect(await evaluations(as[r])).toEqual([2, 5]);
    expect(await evaluations(as.mentee)).toEqual([5]);
    expect(await evaluations(mentees[1].client)).toEqual([2]);
    const report = await ok(as.curator.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31'));
    expect(report.mentorEvaluation).toMatchObject({ average: 3.5, count: 2 });
  });

  it('people\'s names: the staff read the staff list and every card; a person their own card and the names in their mentorships; the website only mentors', async () => {
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get('/api/staff'))).toEqual({
      ...all(STAFF, 200), mentor: 403, mentee: 403, outsider: 403, otherOrg: 200, anonymous: 401,
    });
    expect((await ok(as.otherOrg.get('/api/staff'))).items).toEqual([]);
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get(`/api/people/${mentees[1].id}`))).toEqual({
      ...all(STAFF, 200), mentor: 404, mentee: 404, outsider: 404, otherOrg: 404, anonymous: 401,
    });
    expect((await as.mentee.get(`/api/people/${mentees[0].id}`)).status).toBe(200);
    const names = (await ok(as.mentee.get(`/api/mentorships/${id}`))).mentees.map((m: any) => m.fullName);
    expect(names).toEqual(['Петрова Анна Сергеевна', 'Кузнецова Елена Андреевна']);
    const { orgId } = await ok(as.curator.get('/api/session'));
    expect((await ok(as.anonymous.get(`/api/public/${orgId}/mentors`))).items.map((m: any) => m.fullName)).toContain('Иванова Мария Петровна');
    expect(JSON.stringify(await ok(as.anonymous.get(`/api/public/${orgId}/mentees`)))).not.toMatch(/Петрова|Кузнецова|Соколова/);
  });

  it('documents: read by whoever reads the mentorship, except another mentee\'s report; attached by hand only by the curator or the head', async () => {
    const kinds = (c: ApiClient) => ok(c.get(`/api/mentorships/${id}/documents`)).then((b) => b.items.map((d: any) => `${d.kind}${d.kind.startsWith('mentee') ? `:${d.personId === mentees[0].id ? 1 : 2}` : ''}`));
    const every = ['mentor-consent', 'mentee-consent:1', 'mentee-consent:2', 'pairs-order', 'program', 'mentor-report', 'mentee-report:1', 'mentee-report:2'];
    for (const r of [...STAFF, 'mentor'] as const) expect(await kinds(as[r])).toEqual(every);
    expect(await kinds(as.mentee)).toEqual(every.filter((k) => k !== 'mentee-report:2'));
    const report = (personId: string) => (c: ApiClient) => c.get(`/api/mentorships/${id}/documents/mentee-report?personId=${personId}&format=html`);
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], report(mentees[1].id))).toEqual({
      ...all(STAFF, 200), mentor: 200, mentee: 403, outsider: 404, otherOrg: 404, anonymous: 401,
    });
    expect((await report(mentees[1].id)(as.mentee)).body).toMatchObject({ code: 'report-of-another-mentee', clause: '§3.6' });
    expect((await report(mentees[0].id)(as.mentee)).status).toBe(200);
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.post(`/api/mentorships/${id}/documents/pairs-order`, {}))).toEqual({
      admin: 403, head: 200, curator: 200, methodist: 403, auditor: 403, mentor: 403, mentee: 403, outsider: 404, otherOrg: 404, anonymous: 401,
    });
  });

  it('audit: a mentorship\'s history by whoever reads it; the organisation\'s as-of view, packages and verification by the staff', async () => {
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get(`/api/mentorships/${id}/history`))).toEqual({
      ...all(STAFF, 200), mentor: 200, mentee: 200, outsider: 404, otherOrg: 404, anonymous: 401,
    });
    for (const path of ['/api/audit/organisation?asOf=2026-11-20', '/api/audit/export?from=2026-01-01&to=2026-12-31', '/api/audit/verify']) {
      expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get(path))).toEqual({
        ...all(STAFF, 200), mentor: 403, mentee: 403, outsider: 403, otherOrg: 200, anonymous: 401,
      });
    }
    // Another organisation's staff get their own organisation's package: nothing of this one.
    expect(JSON.stringify(await ok(as.otherOrg.get('/api/audit/export?from=2026-01-01&to=2026-12-31')))).not.toContain(id);
  });

  it('monitoring: the report is read by the curator, the head, the methodical council and the auditor', async () => {
    expect(await statuses(Object.keys(as) as (keyof typeof as)[], (c) => c.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31'))).toEqual({
      admin: 403, head: 200, curator: 200, methodist: 200, auditor: 200, mentor: 403, mentee: 403, outsider: 403, otherOrg: 200, anonymous: 401,
    });
    expect((await ok(as.otherOrg.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31'))).mentorEvaluation).toMatchObject({ count: 0 });
  });

  it('accounts: only the administrator makes them, for people of the organisation; each user reads their own session', async () => {
    const body = { name: 'Новый пользователь', roles: ['mentee'], personId: outsider.id };
    expect(await statuses(['head', 'curator', 'methodist', 'auditor', 'mentor', 'mentee', 'anonymous'], (c) => c.post('/api/users', body))).toEqual({
      ...all(['head', 'curator', 'methodist', 'auditor', 'mentor', 'mentee'], 403), anonymous: 401,
    });
    expect((await other.admin.post('/api/users', body)).status).toBe(404);
    expect((await as.admin.post('/api/users', body)).status).toBe(201);
    const sessions = await Promise.all((['curator', 'mentor', 'mentee', 'otherOrg'] as const).map(async (r) => (await ok(as[r].get('/api/session'))).personId));
    expect(sessions).toEqual([null, mentor.id, mentees[0].id, null]);
  });
});
