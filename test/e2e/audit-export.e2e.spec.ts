import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { TODAY } from '../support/test-clock';
import { launchChromium, type Browser } from '../browser/support/chromium';

const ORDER_SENTENCE =
  'Заведующий (Пользователь head) издал приказ № 45-к от 15.09.2026 о закреплении пары: наставник Иванова Мария Петровна, наставляемый Петрова Анна Сергеевна («Адаптация молодого педагога»)';

describe('audit: the audit package for a period or a mentorship, in JSON and printable HTML', () => {
  let app: TestApp;
  let auditor: ApiClient;
  let mentor: Staff;
  let id: string;

  const download = async (query: string) => {
    const r = await fetch(`${app.baseUrl}/api/audit/export?${query}`, { headers: { authorization: `Bearer ${auditor.token}` } });
    return { status: r.status, headers: r.headers, text: await r.text() };
  };

  beforeAll(async () => {
    app = await startTestApp({ sealer: true });
    const curator = await app.user(['curator']);
    const head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' });
    await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
    await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] });
    await mentee.client.step(id, 'acknowledge', { date: '2026-10-02' });
    for (;;) {
      const r = (await auditor.get('/api/audit/verify')).body;
      if (r.checked > 0 && r.unsealed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => app.close());

  it('for a period: the events dated in it, who and on which document, a Russian timeline and the verification, as a JSON download', async () => {
    const r = await download('from=2026-09-01&to=2026-09-30&format=json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="audit-package-default-2026-09-01_2026-09-30.json"; filename*=UTF-8''${encodeURIComponent('пакет-аудита-default-2026-09-01_2026-09-30.json')}`,
    );
    const p = JSON.parse(r.text);
    expect(p.title).toBe('Пакет аудита за период с 01.09.2026 по 30.09.2026');
    // The acknowledgement is dated in October; staff registrations carry no date and were recorded on the test clock's TODAY.
    expect(p.events.map((e: { type: string }) => e.type)).not.toContain('ProgramAcknowledged');
    expect(p.events.map((e: { type: string }) => e.type)).not.toContain('PersonRegistered');
    expect(p.events.every((e: { businessDate: string }) => e.businessDate >= '2026-09-01' && e.businessDate <= '2026-09-30')).toBe(true);
    const order = p.events.find((e: { type: string }) => e.type === 'OrderIssued');
    expect(order).toMatchObject({
      streamId: `mentorship-${id}`, revision: 3, businessDate: '2026-09-15', recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: { role: 'head', name: 'Пользователь head' }, document: { kind: 'приказ о закреплении', number: '45-к', date: '2026-09-15' },
      data: { number: '45-к', date: '2026-09-15' }, position: expect.stringMatching(/^\d+\/\d+$/), eventId: expect.any(String),
    });
    expect(p.timeline.map((t: { date: string; text: string }) => `${t.date} ${t.text}`)).toContain(`2026-09-15 ${ORDER_SENTENCE}`);
    expect(p.verification).toMatchObject({ intact: true, scope: 'default', unsealed: 0 });
  });

  it('carries events as stored: a registration holds the name encrypted, the timeline names the person from the staff records', async () => {
    const p = JSON.parse((await download(`from=2026-09-01&to=${TODAY}`)).text);
    const registered = p.events.filter((e: { type: string }) => e.type === 'PersonRegistered');
    expect(registered.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(registered)).not.toContain('Иванова');
    expect(registered[0].data.personal).toMatchObject({ ct: expect.any(String) });
    expect(p.timeline.map((t: { text: string }) => t.text)).toContain('Куратор (Пользователь curator) зарегистрировал сотрудника: Иванова Мария Петровна, Воспитатель');
  });

  it('for a mentorship: its whole stream with the state after each step', async () => {
    const p = JSON.parse((await download(`mentorshipId=${id}&format=json`)).text);
    expect(p.title).toBe('Пакет аудита наставничества «Адаптация молодого педагога»');
    expect(p.events.map((e: { type: string; stateAfter: string }) => [e.type, e.stateAfter])).toEqual([
      ['MentorshipProposed', 'proposed'], ['ConsentRecorded', 'proposed'], ['ConsentRecorded', 'consented'],
      ['OrderIssued', 'ordered'], ['ProgramDrafted', 'program-drafted'], ['ProgramAcknowledged', 'active'],
    ]);
    expect(p.timeline[0].text).toBe(
      'Куратор (Пользователь curator) предложил наставническую пару (группу): наставник Иванова Мария Петровна, наставляемый Петрова Анна Сергеевна; форма — традиционная («один-на-один»), тема «Адаптация молодого педагога», срок 01.10.2026–31.03.2027',
    );
  });

  describe('as printable HTML, opened in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser.close());

    it('reads as a Russian document with the timeline, the statement and the events, and prints', async () => {
      const r = await download(`mentorshipId=${id}&format=html`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      expect(r.headers.get('content-disposition')).toContain(encodeURIComponent(`пакет-аудита-default-наставничество-${id}.html`));
      const page = await browser.context.newPage();
      await page.setContent(r.text);
      await page.emulateMedia({ media: 'print' });
      const text = await page.locator('body').innerText();
      expect(await page.title()).toBe('Пакет аудита наставничества «Адаптация молодого педагога»');
      expect(text).toContain('1. Хронология');
      expect(text).toContain(`15.09.2026 — ${ORDER_SENTENCE}.`);
      expect(text).toContain('02.10.2026 — Наставляемый (Пользователь mentee) отметил ознакомление с программой: Петрова Анна Сергеевна.');
      expect(text).toContain('2. Проверка целостности журнала');
      expect(text).toMatch(/Результат\s+Журнал цел/);
      expect(text).toContain('3. События журнала (6)');
      // Events by their Russian names, their data as labelled fields: no event type, key, JSON or ISO date.
      expect(text).toContain('Предложена наставническая пара (группа)');
      expect(text).toMatch(/Наставник\s+Иванова Мария Петровна/);
      expect(text).not.toMatch(/MentorshipProposed|OrderIssued|\{"|plannedStart|\d{4}-\d{2}-\d{2}/);
      expect(text).toContain('приказ о закреплении № 45-к от 15.09.2026');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.close();
    });
  });

  it('refuses people who do not oversee the programme, and a request without a period or a mentorship', async () => {
    expect((await mentor.client.get(`/api/audit/export?mentorshipId=${id}`)).body).toMatchObject({ status: 403, code: 'role-not-allowed' });
    const bad = await auditor.get('/api/audit/export?from=2026-09-01');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('Укажите период (начало и конец) или наставничество');
  });
});
