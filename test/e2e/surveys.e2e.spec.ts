import ExcelJS from 'exceljs';
import type { ApiClient } from './support/api-client';
import { hire, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The questionnaires of roadmap stages 3 (potential mentors) and 6 (quality of a completed program)
 * through HTTP, and their summary in the monitoring report. Today is 2026-11-24.
 */
describe('surveys (roadmap stages 3 and 6)', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  const s: Record<string, Staff> = {};
  let candidatesId = '';
  let qualityId = '';
  let completedId = '';
  let proposedId = '';
  let lastPosition = '';

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    if (r.body?.position) lastPosition = r.body.position;
    return r.body;
  };
  const candidate = { willing: 'yes', competences: ['ФГОС ДО', 'игровые технологии'], experience: 11, forms: ['traditional', 'group'], mentees: '2', 'training-needed': false };
  const quality = (overall: number, recommend: boolean) => ({ relevance: 5, usefulness: 4, cooperation: overall, timing: 3, overall, recommend, suggestions: 'Больше открытых занятий' });

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    s.ivanova = await hire(app, curator, 'Иванова Мария Петровна', 'mentor', '2015-09-01');
    s.sidorova = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor', '2012-09-01');
    s.petrova = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    s.kuznetsova = await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentee');

    completedId = (await ok(curator.post('/api/mentorships', { mentorId: s.ivanova.id, menteeIds: [s.petrova.id], form: 'traditional', topic: 'Адаптация', plannedStart: '2026-09-15', plannedEnd: '2027-03-15', date: '2026-09-10' }))).id;
    for (const who of ['ivanova', 'petrova']) await ok(curator.step(completedId, 'consent', { personId: s[who].id, given: true, date: '2026-09-11', documentRef: `Согласие ${who}` }));
    await ok(head.step(completedId, 'order', { number: '45-к', date: '2026-09-15' }));
    await ok(s.ivanova.client.step(completedId, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] }));
    await ok(s.petrova.client.step(completedId, 'acknowledge', { date: '2026-09-21' }));
    await ok(s.ivanova.client.step(completedId, 'activity-done', { activityId: 'A1', date: '2026-10-10' }));
    await ok(curator.step(completedId, 'complete', { date: '2026-11-03', reason: 'plan-fulfilled' }));
    proposedId = (await ok(curator.post('/api/mentorships', { mentorId: s.sidorova.id, menteeIds: [s.kuznetsova.id], form: 'traditional', topic: 'Речевое развитие', plannedStart: '2026-11-15', plannedEnd: '2027-05-15', date: '2026-11-10' }))).id;
  });
  afterAll(() => app.close());

  it('offers both questionnaires with the JSON Schema of an answer', async () => {
    const r = await s.petrova.client.get('/api/surveys/questionnaires');
    expect(r.status).toBe(200);
    expect(r.body.items.map((q: any) => [q.id, q.title, q.clause])).toEqual([
      ['mentor-candidates', 'Анкета потенциального наставника', 'Дорожная карта, этап 3'],
      ['program-quality', 'Анкета участника о качестве программы наставничества', 'Дорожная карта, этап 6'],
    ]);
    expect(r.body.items[1].answerSchema.required).toEqual(['mentorshipId', 'date', 'answers']);
  });

  it('potential mentors answer themselves or through the curator, once each', async () => {
    expect((await s.ivanova.client.post('/api/surveys', { questionnaire: 'mentor-candidates', title: 'Кто готов стать наставником', date: '2026-10-01' })).status).toBe(403);
    const opened = await curator.post('/api/surveys', { questionnaire: 'mentor-candidates', title: 'Кто готов стать наставником', date: '2026-10-01' });
    expect(opened.status).toBe(201);
    candidatesId = opened.body.id;
    expect(opened.headers.get('location')).toBe(`/api/surveys/${candidatesId}`);

    expect((await s.ivanova.client.post(`/api/surveys/${candidatesId}/responses`, { date: '2026-10-02', answers: candidate })).status).toBe(201);
    const again = await s.ivanova.client.post(`/api/surveys/${candidatesId}/responses`, { date: '2026-10-03', answers: candidate });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already-answered', clause: 'Дорожная карта, этап 3' });

    const forOther = { respondentId: s.sidorova.id, date: '2026-10-04', answers: { ...candidate, willing: 'after-training', experience: 14, 'training-needed': true } };
    expect((await head.post(`/api/surveys/${candidatesId}/responses`, forOther)).status).toBe(403);
    expect((await curator.post(`/api/surveys/${candidatesId}/responses`, forOther)).status).toBe(201);

    const bad = await s.petrova.client.post(`/api/surveys/${candidatesId}/responses`, { date: '2026-10-05', answers: { ...candidate, mentees: '4' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['answers.mentees']);
  });

  it('participants of a completed program rate its quality; others are refused', async () => {
    qualityId = (await ok(curator.post('/api/surveys', { questionnaire: 'program-quality', title: 'Качество программ 2026', date: '2026-11-01' }))).id;
    const url = `/api/surveys/${qualityId}/responses`;
    expect((await s.petrova.client.post(url, { mentorshipId: completedId, date: '2026-11-05', answers: quality(5, true) })).status).toBe(201);
    expect((await s.ivanova.client.post(url, { mentorshipId: completedId, date: '2026-11-06', answers: quality(4, true) })).status).toBe(201);
    const outsider = await s.sidorova.client.post(url, { mentorshipId: completedId, date: '2026-11-06', answers: quality(3, false) });
    expect(outsider.status).toBe(422);
    expect(outsider.body).toMatchObject({ code: 'not-a-participant', clause: 'Дорожная карта, этап 6' });
    const early = await s.sidorova.client.post(url, { mentorshipId: proposedId, date: '2026-11-12', answers: quality(3, false) });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('program-not-completed');
    expect((await s.petrova.client.post(url, { date: '2026-11-05', answers: quality(5, true) })).status).toBe(400);
  });

  it('the curator sees the figures and the responses; a respondent sees only that they answered', async () => {
    const r = await curator.get(`/api/surveys/${qualityId}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: 'Качество программ 2026', open: true, responseCount: 2 });
    expect(r.body.summary).toMatchObject({ responses: 2, byRole: { mentor: 1, mentee: 1 } });
    expect(r.body.summary.questions.find((q: any) => q.id === 'overall').average).toBe(4.5);
    expect(r.body.responses.map((x: any) => [x.fullName, x.roleTitle])).toEqual([['Петрова Анна Сергеевна', 'наставляемый'], ['Иванова Мария Петровна', 'наставник']]);
    const own = (await s.petrova.client.get(`/api/surveys/${qualityId}`)).body;
    expect(own.answeredByMe).toEqual([{ mentorshipId: completedId, date: '2026-11-05' }]);
    expect(own.summary).toBeUndefined();
    expect(own.responses).toBeUndefined();
  });

  it('the monitoring report summarises the responses of the period, in JSON, CSV and XLSX', async () => {
    const r = (await curator.get(`/api/reports/monitoring?from=2026-01-01&to=2026-12-31&after=${lastPosition}`)).body;
    expect(r.stale).toBe(false);
    const [candidates, q] = r.surveys;
    expect(candidates).toMatchObject({ questionnaire: 'mentor-candidates', responses: 2 });
    expect(candidates.questions.find((x: any) => x.id === 'experience').average).toBe(12.5);
    expect(candidates.questions.find((x: any) => x.id === 'willing').options).toEqual([
      { value: 'yes', title: 'Да', count: 1 }, { value: 'after-training', title: 'Да, после обучения', count: 1 }, { value: 'no', title: 'Нет', count: 0 },
    ]);
    expect(candidates.questions.find((x: any) => x.id === 'competences')).toMatchObject({ kind: 'list', answered: 2 });
    expect(q).toMatchObject({ questionnaire: 'program-quality', responses: 2, byRole: { mentor: 1, mentee: 1 } });
    expect(JSON.stringify(r)).not.toContain('Больше открытых занятий');
    expect((await curator.get('/api/reports/monitoring?from=2026-11-06&to=2026-12-31')).body.surveys[1].responses).toBe(1);

    const csv = String((await curator.get('/api/reports/monitoring?from=2026-01-01&to=2026-12-31&format=csv')).body).split('\r\n');
    const section = 'Анкетирование: Анкета участника о качестве программы наставничества (Дорожная карта, этап 6)';
    expect(csv).toContain(`${section};Общая оценка качества программы (1–5) — среднее;4,5;`);
    expect(csv).toContain('Анкетирование: Анкета потенциального наставника (Дорожная карта, этап 3);Готовы ли вы стать наставником? — Да;1;0,5');

    const res = await fetch(`${app.baseUrl}/api/reports/monitoring?from=2026-01-01&to=2026-12-31&format=xlsx`, { headers: { authorization: `Bearer ${curator.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    // The surveys have a titled sheet of their own in the report's workbook: questionnaire and question on the line, the figure beside.
    const rows = new Map<string, ExcelJS.Row>();
    wb.getWorksheet('9 Анкетирование')!.eachRow((row) => rows.set(String(row.getCell(1).value), row));
    expect(rows.get('Анкета участника о качестве программы наставничества: ответов за период')!.getCell(2).value).toBe(2);
    expect(rows.get('Программа соответствовала профессиональным запросам (1–5) — средняя оценка')!.getCell(2).value).toBe(5);
  });

  it('many staff answering at once are all recorded, each once', async () => {
    const survey = (await ok(curator.post('/api/surveys', { questionnaire: 'mentor-candidates', title: 'Одновременные ответы', date: '2026-11-20' }))).id;
    const crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => hire(app, curator, `Сотрудник Номер${i}`, 'none', '2020-09-01')));
    const answers = await Promise.all(crowd.map((p) => p.client.post(`/api/surveys/${survey}/responses`, { date: '2026-11-21', answers: candidate })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const again = await Promise.all(crowd.slice(0, 2).map((p) => p.client.post(`/api/surveys/${survey}/responses`, { date: '2026-11-21', answers: candidate })));
    expect(again.map((r) => r.status)).toEqual([409, 409]);
    expect((await curator.get(`/api/surveys/${survey}`)).body.responseCount).toBe(6);
  });

  it('a closed survey takes no more responses; the list shows both', async () => {
    const closed = await curator.post(`/api/surveys/${candidatesId}/close`, { date: '2026-10-20' });
    expect(closed.status).toBe(200);
    const late = await s.petrova.client.post(`/api/surveys/${candidatesId}/responses`, { date: '2026-10-21', answers: candidate });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('survey-closed');
    const list = (await s.petrova.client.get(`/api/surveys?after=${closed.body.position}`)).body;
    expect(list.items.map((i: any) => [i.title, i.open, i.responses])).toEqual([
      ['Одновременные ответы', true, 6], ['Качество программ 2026', true, 2], ['Кто готов стать наставником', false, 2],
    ]);
  });
});
