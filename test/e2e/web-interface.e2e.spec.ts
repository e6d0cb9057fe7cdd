import { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/** What the web page needs from the server, over HTTP: its files, and the few endpoints only it uses. */
describe('web interface: static files and page endpoints', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
  });
  afterAll(() => app.close());

  const json = async (r: Promise<Response>): Promise<any> => (await r).json();
  const upload = (client: ApiClient, text: string, query: string, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/csv' }), 'staff.csv');
    return fetch(`${app.baseUrl}/api/people/import${query}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}`, ...headers } });
  };

  it('serves the page at / with a policy that allows nothing from other origins, and leaves /api alone', async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await fetch(`${app.baseUrl}/js/main.js`)).headers.get('content-type')).toContain('javascript');
    const missing = await app.admin.get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await new ApiClient(app.baseUrl).get('/api/session')).status).toBe(401);
  });

  it('tells the page who is signed in, the organisation today and which sections they may use', async () => {
    const s = await curator.get('/api/session');
    expect(s.body).toMatchObject({
      roles: ['curator'], roleTitles: ['куратор'], today: '2026-11-24',
      can: { propose: true, managePeople: true, readStaff: true, readReports: true, createUsers: false },
    });
    expect((await head.get('/api/session')).body.can).toMatchObject({ propose: false, managePeople: true });
  });

  it('serves the lifecycle graph and the vocabulary the generated forms label enums with', async () => {
    const graph = (await curator.get('/api/lifecycle')).body;
    expect(graph.states.map((s: { id: string }) => s.id)).toContain('program-drafted');
    const v = (await curator.get('/api/vocabulary')).body;
    expect(v.enums.form.traditional).toBe('Традиционная («один-на-один»)');
    expect(v.enums.activityKind['practical-task']).toBe('Выполнение практических заданий');
    expect(v.enums.completionReason['plan-fulfilled']).toContain('в полном объёме');
    expect(v.steps.order).toMatchObject({ title: 'Издать приказ о закреплении', roles: ['head'] });
  });

  it('generates date inputs: business dates carry format "date" in every step schema', async () => {
    await hire(app, curator, 'Наставник Формы', 'mentor');
    const m = await hire(app, curator, 'Наставник Схемы', 'mentor');
    const e = await hire(app, curator, 'Наставляемый Схемы', 'mentee', '2026-11-01');
    const created = await curator.post('/api/mentorships', proposal(m.id, [e.id], { date: '2026-11-02' }));
    const view = (await curator.get(`/api/mentorships/${created.body.id}`)).body;
    const consent = view.availableSteps.find((s: { step: string }) => s.step === 'consent');
    expect(consent.schema.properties.date).toMatchObject({ type: 'string', format: 'date', description: 'Дата согласия' });
  });

  it('lists each user their to-do: the steps the machine allows them now, and nothing for others', async () => {
    const m = await hire(app, curator, 'Наставник Задач', 'mentor');
    const e = await hire(app, curator, 'Наставляемый Задач', 'mentee', '2026-11-01');
    const id = (await curator.post('/api/mentorships', proposal(m.id, [e.id], { date: '2026-11-02', topic: 'Задачи' }))).body.id;
    const mine = (await curator.get('/api/tasks')).body.items.find((t: { id: string }) => t.id === id);
    expect(mine.steps.map((s: { step: string }) => s.step)).toEqual(['consent', 'withdraw']);
    expect((await head.get('/api/tasks')).body.items.find((t: { id: string }) => t.id === id)).toBeUndefined();
    expect((await e.client.get('/api/tasks')).body.items).toEqual([]);
  });

  it('lists the staff with consent and banks, for staff readers only', async () => {
    const staff = (await curator.get('/api/staff')).body;
    const mentor = staff.items.find((p: { fullName: string }) => p.fullName === 'Наставник Задач');
    expect(mentor).toMatchObject({ personalDataConsentOn: '2026-09-01', mentorBank: { load: 1, limit: 3 }, menteeBank: null });
    const mentee = await hire(app, curator, 'Наставляемый Без Доступа', 'mentee');
    expect((await mentee.client.get('/api/staff')).status).toBe(403);
  });

  it('imports a staff list: a dry run writes nothing; the real run registers the accepted rows with their consent', async () => {
    const text = 'ФИО;Должность;Дата допуска к работе;Дата согласия;Реквизиты согласия\nИмпортова Анна;Воспитатель;01.09.2026;02.09.2026;Согласие № 9\nБез Даты;Воспитатель;;;\n';
    const dry = await upload(curator, text, '?dryRun=true');
    expect(dry.status).toBe(200);
    const preview = await json(Promise.resolve(dry));
    expect(preview).toMatchObject({ dryRun: true, total: 2, accepted: [{ line: 2, fullName: 'Импортова Анна', consent: { date: '2026-09-02' } }] });
    expect(preview.rejected).toEqual([expect.objectContaining({ line: 3, errors: [expect.objectContaining({ column: 'Дата допуска к работе', message: 'не заполнено.' })] })]);
    expect((await curator.get('/api/staff')).body.items.some((p: { fullName: string }) => p.fullName === 'Импортова Анна')).toBe(false);

    const real = await json(upload(curator, text, '', { 'idempotency-key': 'import-1' }));
    expect(real.accepted).toEqual([expect.objectContaining({ line: 2, personId: expect.any(String), consentError: null })]);
    const person = await curator.get(`/api/people/${real.accepted[0].personId}`);
    expect(person.body).toMatchObject({ fullName: 'Импортова Анна', firstWorkingDay: '2026-09-01' });
    const again = await json(upload(curator, text, '?dryRun=true', { 'x-min-position': real.position }));
    expect(again.accepted).toEqual([]);
    expect(again.rejected[0].errors[0].message).toContain('уже зарегистрирован');
  });

  it('refuses an import from a role that does not keep staff records, and a request without a file', async () => {
    const auditor = await app.user(['auditor']);
    const refused = await upload(auditor, 'ФИО;Должность;Дата допуска к работе\n', '?dryRun=true');
    expect(refused.status).toBe(403);
    expect(await json(Promise.resolve(refused))).toMatchObject({ code: 'role-not-allowed', clause: '§3.4' });
    const none = await fetch(`${app.baseUrl}/api/people/import`, { method: 'POST', headers: { authorization: `Bearer ${curator.token}` } });
    expect(none.status).toBe(400);
  });

  it('loads the demo kindergarten only for the administrator and only into an empty store', async () => {
    expect((await app.admin.get('/api/demo')).body).toEqual({ available: false });
    expect((await curator.post('/api/demo', {})).status).toBe(403);
    const fresh = await startTestApp();
    try {
      expect((await fresh.admin.get('/api/demo')).body).toEqual({ available: true });
      const loaded = await fresh.admin.post('/api/demo', {});
      expect(loaded.status).toBe(201);
      expect(loaded.body.accounts.map((a: { title: string }) => a.title)).toContain('Куратор');
      const demoCurator = fresh.as(loaded.body.accounts.find((a: { title: string }) => a.title === 'Куратор').token);
      expect((await demoCurator.get('/api/mentorships')).body.total).toBe(4);
      const roadmap = (await demoCurator.get('/api/roadmap')).body;
      expect(roadmap).toMatchObject({ phase: 'approved', stage: { no: 5 }, trainedMentorCount: 1 });
      expect((await fresh.admin.post('/api/demo', {})).body.code).toBe('store-not-empty');
    } finally {
      await fresh.close();
    }
  });
});
