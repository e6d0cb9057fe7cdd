import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from './support/api-client';
import { hire, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The curator's monitoring report (§3.4) for a known kindergarten, every figure computed by hand
 * below. Today is 2026-11-24 (the test app's clock); the period is the calendar year 2026.
 *
 * A  Иванова + Петрова (traditional): order 09-15, program 09-30 (due 09-25: late), completed
 *    11-03 (plan fulfilled), mentor report 11-10 (met), mentee report 11-20 (due 11-13: late),
 *    evaluation 5, published.
 * B  Сидорова + Кузнецова, Смирнова (group): order 09-20 (Смирнова started 08-01: appointment
 *    late), program 09-25 (met), active.
 * C  Орлова + Волкова (reverse; Волкова started 2020, not young): order 10-05, no program (due
 *    10-15), mentor replaced 10-25 at the mentor's request by Иванова → C′ ordered 10-25, its
 *    program due 11-04 and overdue.
 * D  Сидорова + Зайцева (short-term): Зайцева declines 10-06.
 * E  Орлова + Зайцева (situational): proposed 11-01, withdrawn 11-02.
 * Staff: 9 people (one never took part).
 */
describe('monitoring report (§3.4) for a known scenario', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let lastPosition = '';
  const s: Record<string, Staff> = {};

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    if (r.body?.position) lastPosition = r.body.position;
    return r.body;
  };
  const propose = (mentor: string, mentees: string[], form: string, date: string, start: string, end: string) =>
    ok(curator.post('/api/mentorships', { mentorId: s[mentor].id, menteeIds: mentees.map((m) => s[m].id), form, topic: `Тема ${form}`, plannedStart: start, plannedEnd: end, date }));
  const consent = (id: string, who: string, date: string, given = true) =>
    ok(curator.step(id, 'consent', { personId: s[who].id, given, date, documentRef: `Согласие ${who}` }));
  const report = (query: string) => curator.get(`/api/reports/monitoring?${query}&after=${lastPosition}`);

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    for (const [key, name, bank, day] of [
      ['ivanova', 'Иванова Мария Петровна', 'mentor', '2015-09-01'], ['sidorova', 'Сидорова Ольга Ивановна', 'mentor', '2015-09-01'],
      ['orlova', 'Орлова Татьяна Викторовна', 'mentor', '2015-09-01'], ['petrova', 'Петрова Анна Сергеевна', 'mentee', '2026-09-01'],
      ['kuznetsova', 'Кузнецова Елена Андреевна', 'mentee', '2026-09-01'], ['smirnova', 'Смирнова Дарья Олеговна', 'mentee', '2026-08-01'],
      ['volkova', 'Волкова Ирина Николаевна', 'mentee', '2020-09-01'], ['zaitseva', 'Зайцева Ксения Павловна', 'mentee', '2026-10-01'],
      ['outsider', 'Морозова Вера Ильинична', 'none', '2019-09-01'],
    ] as const) s[key] = await hire(app, curator, name, bank, day);

    const a = (await propose('ivanova', ['petrova'], 'traditional', '2026-09-10', '2026-09-15', '2027-03-15')).id;
    await consent(a, 'ivanova', '2026-09-11');
    await consent(a, 'petrova', '2026-09-11');
    await ok(head.step(a, 'order', { number: '45-к', date: '2026-09-15' }));
    await ok(s.ivanova.client.step(a, 'program', { date: '2026-09-30', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] }));
    await ok(s.petrova.client.step(a, 'acknowledge', { date: '2026-10-01' }));
    await ok(s.ivanova.client.step(a, 'activity-done', { activityId: 'A1', date: '2026-10-10' }));
    await ok(curator.step(a, 'complete', { date: '2026-11-03', reason: 'plan-fulfilled' }));
    await ok(s.ivanova.client.step(a, 'mentor-report', { date: '2026-11-10', text: 'Выполнена', recommendations: 'Аттестация' }));
    await ok(s.petrova.client.step(a, 'mentee-report', { date: '2026-11-20', text: 'Полезно', mentorEvaluation: 5 }));
    await ok(curator.step(a, 'publish', { date: '2026-11-21', summary: 'Первое открытое занятие проведено.' }));

    const b = (await propose('sidorova', ['kuznetsova', 'smirnova'], 'group', '2026-09-10', '2026-09-21', '2027-05-31')).id;
    for (const who of ['sidorova', 'kuznetsova', 'smirnova']) await consent(b, who, '2026-09-12');
    await ok(head.step(b, 'order', { number: '46-к', date: '2026-09-20' }));
    await ok(s.sidorova.client.step(b, 'program', { date: '2026-09-25', activities: [{ kind: 'theory', title: 'Семинар', due: '2026-12-01' }] }));
    await ok(s.kuznetsova.client.step(b, 'acknowledge', { date: '2026-09-26' }));
    await ok(s.smirnova.client.step(b, 'acknowledge', { date: '2026-09-26' }));

    const c = (await propose('orlova', ['volkova'], 'reverse', '2026-10-01', '2026-10-06', '2027-04-30')).id;
    await consent(c, 'orlova', '2026-10-02');
    await consent(c, 'volkova', '2026-10-02');
    await ok(head.step(c, 'order', { number: '50-к', date: '2026-10-05' }));
    await ok(curator.step(c, 'request-replacement', { date: '2026-10-20', reason: 'mentor-request' }));
    await ok(head.step(c, 'replace', { date: '2026-10-25', reason: 'mentor-request', newMentorId: s.ivanova.id, newMentorConsentRef: 'Согласие Ивановой', orderNumber: '55-к' }));

    const d = (await propose('sidorova', ['zaitseva'], 'short-term', '2026-10-05', '2026-10-10', '2026-12-31')).id;
    await consent(d, 'zaitseva', '2026-10-06', false);

    const e = (await propose('orlova', ['zaitseva'], 'situational', '2026-11-01', '2026-11-05', '2027-01-31')).id;
    await ok(curator.step(e, 'withdraw', { date: '2026-11-02', reason: 'Изменились планы' }));
  });
  afterAll(() => app.close());

  it('counts participants, states, forms, movement and reasons for the year', async () => {
    const r = await report('from=2026-01-01&to=2026-12-31');
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b).toMatchObject({ period: { from: '2026-01-01', to: '2026-12-31' }, asOf: '2026-11-24', stale: false, mentorships: 6 });
    expect(b.position).toMatch(/^\d+\/\d+$/);
    expect(b.participants).toEqual({ mentors: 3, mentees: 4, people: 7 });
    const byState = Object.fromEntries(b.byState.map((x: any) => [x.state, x.count]));
    expect(byState).toEqual({ proposed: 0, consented: 0, ordered: 1, 'program-drafted': 0, active: 1, completed: 1, replaced: 1, declined: 1, withdrawn: 1 });
    expect(b.byState.find((x: any) => x.state === 'replaced').title).toBe('Наставник заменён');
    const byForm = Object.fromEntries(b.byForm.filter((x: any) => x.mentorships > 0).map((x: any) => [x.form, [x.mentorships, x.mentees]]));
    expect(byForm).toEqual({ traditional: [1, 1], group: [1, 2], reverse: [2, 1], 'short-term': [1, 0], situational: [1, 0] });
    expect(b).toMatchObject({ started: 3, completed: 1, replacements: 1 });
    expect(b.completionsByReason.filter((x: any) => x.count)).toEqual([{ reason: 'plan-fulfilled', title: 'Выполнение плана мероприятий в полном объёме', count: 1 }]);
    expect(b.replacementsByReason.filter((x: any) => x.count)).toEqual([{ reason: 'mentor-request', title: 'Просьба наставника', count: 1 }]);
    // No roadmap drafted and no survey taken in this kindergarten: the report says so.
    expect(b.roadmap).toMatchObject({ phase: 'new', phaseTitle: 'не разработана', stage: null });
    expect(b.surveys.map((x: any) => [x.questionnaire, x.responses])).toEqual([['mentor-candidates', 0], ['program-quality', 0]]);
  });

  it('rates each deadline, the mentors\' evaluation, engagement and retention', async () => {
    const b = (await report('from=2026-01-01&to=2026-12-31')).body;
    const d = Object.fromEntries(b.deadlines.map((x: any) => [x.kind, [x.total, x.onTime, x.late, x.overdue, x.pending, x.onTimeRate]]));
    expect(d).toEqual({
      appointment: [3, 2, 1, 0, 0, 0.667],
      program: [3, 1, 1, 1, 0, 0.333],
      'mentor-report': [1, 1, 0, 0, 0, 1],
      'mentee-report': [1, 0, 1, 0, 0, 0],
      'mentee-bank-update': [0, 0, 0, 0, 0, null],
    });
    expect(b.mentorEvaluation).toMatchObject({ average: 5, count: 1 });
    expect(b.engagement).toEqual({ participants: 7, staff: 9, share: 0.778 });
    expect(b.youngSpecialists).toMatchObject({ total: 3, completed: 1, retained: 1, retentionRate: 1 });
    expect(Object.fromEntries(b.statistics.map((x: any) => [x.code, x.value]))).toEqual({
      mentors: 3, mentees: 4, 'young-specialists': 3, pairs: 3, groups: 1, 'in-progress': 2, completed: 1,
    });
  });

  it('narrows to one form and to a shorter period, with states as of the period\'s end', async () => {
    const reverse = (await report('from=2026-01-01&to=2026-12-31&form=reverse')).body;
    expect(reverse).toMatchObject({ form: 'reverse', formTitle: 'Реверсивное', mentorships: 2, started: 1, completed: 0, replacements: 1 });
    expect(reverse.participants).toEqual({ mentors: 2, mentees: 1, people: 3 });
    expect(reverse.deadlines.find((x: any) => x.kind === 'program')).toMatchObject({ total: 1, overdue: 1 });

    const october = (await report('from=2026-10-10&to=2026-10-31')).body;
    expect(october.mentorships).toBe(4);
    expect(Object.fromEntries(october.byState.filter((x: any) => x.count).map((x: any) => [x.state, x.count]))).toEqual({ active: 2, replaced: 1, ordered: 1 });
    expect(october).toMatchObject({ started: 0, completed: 0, replacements: 1 });
  });

  it('exports CSV and an XLSX workbook with the same figures', async () => {
    const csv = await report('from=2026-01-01&to=2026-12-31&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Движение;Завершено;1;');
    expect(lines).toContain('Вовлечённость педагогов;Участвовали в наставничестве;7;0,778');

    expect(lines).toContain('Период;01.01.2026 — 31.12.2026');

    const res = await fetch(`${app.baseUrl}/api/reports/monitoring?from=2026-01-01&to=2026-12-31&format=xlsx`, { headers: { authorization: `Bearer ${curator.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const json = (await report('from=2026-01-01&to=2026-12-31')).body;
    const bytes = await res.arrayBuffer();
    // Kept to open and look at (test-artifacts/ is not committed).
    mkdirSync(join(__dirname, '../../test-artifacts/reports'), { recursive: true });
    writeFileSync(join(__dirname, '../../test-artifacts/reports/monitoring.xlsx'), Buffer.from(bytes));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    // A title sheet, then a titled sheet per section; the figures are the JSON's.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Отчёт', '1 Участники', '2 Состояния', '3 Формы', '4 Движение', '5 Сроки', '6 Оценка наставников', '7 Молодые специалисты', '8 Дорожная карта',
      '9 Анкетирование', '10 Статистика',
    ]);
    const cover: string[] = [];
    wb.getWorksheet('Отчёт')!.eachRow((row) => cover.push(String(row.getCell(1).value)));
    expect(cover).toContain('за период с 01.01.2026 по 31.12.2026');
    const rowsOf = (sheet: string) => {
      const rows = new Map<string, ExcelJS.Row>();
      wb.getWorksheet(sheet)!.eachRow((row) => rows.set(String(row.getCell(1).value), row));
      return rows;
    };
    const participants = rowsOf('1 Участники');
    expect(participants.get('1. Участники наставничества (п. 3.4)')).toBeDefined();
    expect(participants.get('Наставников')!.getCell(2).value).toBe(json.participants.mentors);
    const engaged = participants.get('Педагогов, участвовавших в наставничестве (без повторов)')!;
    expect([engaged.getCell(2).value, engaged.getCell(3).value, engaged.getCell(3).numFmt]).toEqual([json.engagement.participants, json.engagement.share, '0.0%']);
    expect(rowsOf('4 Движение').get('Завершено')!.getCell(2).value).toBe(json.completed);
    expect(rowsOf('6 Оценка наставников').get('Средняя оценка (от 1 до 5)')!.getCell(2).value).toBe(json.mentorEvaluation.average);
    const deadlines = rowsOf('5 Сроки');
    for (const d of json.deadlines) {
      const row = deadlines.get(d.title)!;
      expect([2, 3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value)).toEqual([d.clause.replace('§', 'п. '), d.total, d.onTime, d.late, d.overdue, d.pending, d.onTimeRate ?? '—']);
    }
  });

  it('prints as the document a municipality receives: the organisation, the period, numbered sections with clauses, percentages, signatures', async () => {
    await ok(head.post('/api/organisation/details', {
      fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое', shortName: 'МКДОУ ДС № 6 «Рябинушка»',
      address: '356265, с. Гофицкое, ул. Школьная, 12', headName: 'Савельева Людмила Михайловна', curatorName: 'Кузнецова Ольга Николаевна',
    }));
    const json = (await report('from=2026-01-01&to=2026-12-31')).body;
    const res = await report('from=2026-01-01&to=2026-12-31&format=html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = String(res.body);
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
    for (const t of ['Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое', 'за период с 01.01.2026 по 31.12.2026',
      'Сроки — по состоянию на 24.11.2026', '1. Участники наставничества (п. 3.4)', '5. Соблюдение сроков Положения (пп. 3.4, 3.6, 3.7)', '9. Анкетирование', '10. Сведения для форм статистического наблюдения (п. 3.4)',
      'Куратор реализации программ наставничества ____________ / Кузнецова О. Н. /', 'Заведующий ____________ / Савельева Л. М. /', 'Как считается:']) expect(text).toContain(t);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text).not.toContain('Позиция');
    expect(text).not.toMatch(/0,\d{3}/);
    // Every figure of a section's table is the JSON's, shares as percentages.
    const rows = new Map<string, string[]>();
    for (const tr of html.match(/<tr>[\s\S]*?<\/tr>/g)!) {
      const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/&quot;/g, '"'));
      if (cells.length) rows.set(cells[0], cells.slice(1));
    }
    const pct = (v: number | null) => (v === null ? '—' : `${String(Math.round(v * 1000) / 10).replace('.', ',')} %`);
    expect(rows.get('Наставников')).toEqual([String(json.participants.mentors), '—']);
    expect(rows.get('Педагогов, участвовавших в наставничестве (без повторов)')).toEqual([String(json.engagement.participants), pct(json.engagement.share)]);
    expect(rows.get('Педагогов, участвовавших в наставничестве (без повторов)')![1]).toBe('77,8 %');
    expect(rows.get('Начато (первый приказ о закреплении)')).toEqual([String(json.started)]);
    expect(rows.get('Средняя оценка (от 1 до 5)')![0]).toBe(String(json.mentorEvaluation.average));
    for (const d of json.deadlines) {
      expect(rows.get(d.title)).toEqual([d.clause.replace('§', 'п. '), ...[d.total, d.onTime, d.late, d.overdue, d.pending].map(String), pct(d.onTimeRate)]);
    }
    for (const s of json.statistics) expect(rows.get(s.title)).toEqual([String(s.value)]);
    for (const x of json.byState) expect(rows.get(x.title)).toEqual([String(x.count)]);
    expect(rows.get('Программа — не позднее 10 дней с приказа') ?? rows.get(json.deadlines[1].title)).toEqual(expect.arrayContaining(['33,3 %']));
  });

  it('is for the curator, the head, the methodical council and auditors only', async () => {
    expect((await s.ivanova.client.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31')).status).toBe(403);
    const bad = await curator.get('/api/reports/monitoring?from=2026-12-31&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-period');
    expect((await (await app.user(['methodist'])).get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31')).status).toBe(200);
  });
});
