import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/** The program bank (§3.4) and best cases (§8.1) over HTTP: a completed program saved as a template and reused. */
describe('program bank and best cases over HTTP', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let mentorA: Staff;
  let menteeA: Staff;
  let mentorB: Staff;
  let menteeB: Staff;
  let completedId: string;
  let templateId: string;

  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await p;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    mentorA = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    menteeA = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee', '2026-09-01');
    mentorB = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor');
    menteeB = await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentee', '2026-11-02');

    completedId = (await ok(curator.post('/api/mentorships', proposal(mentorA.id, [menteeA.id])), 201)).id;
    await ok(curator.step(completedId, 'consent', { personId: mentorA.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' }));
    await ok(curator.step(completedId, 'consent', { personId: menteeA.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' }));
    await ok(head.step(completedId, 'order', { number: '45-к', date: '2026-09-15' }));
    await ok(mentorA.client.step(completedId, 'program', {
      date: '2026-09-20',
      activities: [
        { kind: 'workplace-intro', title: 'Знакомство с группой и коллективом', due: '2026-10-15' },
        { kind: 'practical-task', title: 'Открытое занятие для коллег', due: '2026-11-10' },
      ],
    }));
    await ok(menteeA.client.step(completedId, 'acknowledge', { date: '2026-09-21' }));
    await ok(mentorA.client.step(completedId, 'activity-done', { activityId: 'A1', date: '2026-10-14' }));
    await ok(mentorA.client.step(completedId, 'activity-done', { activityId: 'A2', date: '2026-10-30' }));
    await ok(curator.step(completedId, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' }));
  });
  afterAll(() => app.close());

  it('saves a completed program as a template of offsets from the start; refuses an unfinished one with §3.4', async () => {
    const saved = await ok(curator.post('/api/program-templates', { mentorshipId: completedId, title: 'Адаптация за полгода', date: '2026-11-20' }), 201);
    templateId = saved.id;
    expect(saved.template).toMatchObject({
      title: 'Адаптация за полгода', topic: 'Адаптация молодого педагога', form: 'traditional', durationDays: 181, savedOn: '2026-11-20',
      activities: [
        { kind: 'workplace-intro', title: 'Знакомство с группой и коллективом', offsetDays: 14 },
        { kind: 'practical-task', title: 'Открытое занятие для коллег', offsetDays: 40 },
      ],
    });
    const again = await curator.post('/api/program-templates', { mentorshipId: completedId, date: '2026-11-20' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'template-exists', clause: '§3.4', templateId });

    const list = await ok(mentorB.client.get(`/api/program-templates?after=${saved.position}`));
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([templateId]);

    const byMentor = await mentorA.client.post('/api/program-templates', { mentorshipId: completedId, date: '2026-11-20' });
    expect(byMentor.status).toBe(403);
    expect(byMentor.body.clause).toBe('§3.4, §3.5');
  });

  it('a mentor drafting a new program is offered the template prefilled for the new start, and the step accepts it', async () => {
    const id = (await ok(curator.post('/api/mentorships', proposal(mentorB.id, [menteeB.id], {
      topic: 'Адаптация молодого педагога в группе раннего возраста', plannedStart: '2026-12-01', plannedEnd: '2027-05-31', date: '2026-11-20',
    })), 201)).id;
    const unfinished = await curator.post('/api/program-templates', { mentorshipId: id, date: '2026-11-20' });
    expect(unfinished.status).toBe(409);
    expect(unfinished.body).toMatchObject({ code: 'program-not-completed', clause: expect.stringContaining('§3.4') });
    await ok(curator.step(id, 'consent', { personId: mentorB.id, given: true, date: '2026-11-21', documentRef: 'Согласие №3' }));
    await ok(curator.step(id, 'consent', { personId: menteeB.id, given: true, date: '2026-11-21', documentRef: 'Согласие №4' }));
    await ok(head.step(id, 'order', { number: '52-к', date: '2026-11-22' }));

    const offered = await ok(mentorB.client.get(`/api/mentorships/${id}/program-templates`));
    expect(offered.items).toHaveLength(1);
    const offer = offered.items[0];
    expect(offer).toMatchObject({ id: templateId, sameForm: true });
    expect(offer.draft.warnings).toEqual([]);
    expect(offer.draft.body).toEqual({
      date: '2026-11-24',
      activities: [
        { kind: 'workplace-intro', title: 'Знакомство с группой и коллективом', due: '2026-12-15' },
        { kind: 'practical-task', title: 'Открытое занятие для коллег', due: '2027-01-10' },
      ],
    });

    const drafted = await ok(mentorB.client.step(id, 'program', offer.draft.body));
    expect(drafted.state).toBe('program-drafted');
    expect(drafted.program.activities.map((a: { title: string; due: string }) => [a.title, a.due])).toEqual([
      ['Знакомство с группой и коллективом', '2026-12-15'],
      ['Открытое занятие для коллег', '2027-01-10'],
    ]);
  });

  it('instantiates a template for any start date', async () => {
    const draft = await ok(mentorB.client.get(`/api/program-templates/${templateId}/draft?start=2027-02-01&date=2026-11-24`));
    expect(draft).toMatchObject({ start: '2027-02-01', suggestedEnd: '2027-08-01', body: { date: '2026-11-24' } });
    expect(draft.body.activities.map((a: { due: string }) => a.due)).toEqual(['2027-02-15', '2027-03-13']);
    expect((await mentorB.client.get(`/api/program-templates/${templateId}/draft?start=2027-02-30`)).status).toBe(400);
  });

  it('the curator marks the completed mentorship a best case; the public section shows it without names', async () => {
    const byHead = await head.post('/api/best-cases', { mentorshipId: completedId, title: 'x', summary: 'y', date: '2026-11-24' });
    expect(byHead.status).toBe(403);
    const marked = await ok(curator.post('/api/best-cases', {
      mentorshipId: completedId, title: 'Молодой педагог освоился за месяц', summary: 'Открытое занятие провела через шесть недель работы.', date: '2026-11-24',
    }), 201);
    const twice = await curator.post('/api/best-cases', { mentorshipId: completedId, title: 'x', summary: 'y', date: '2026-11-24' });
    expect(twice.status).toBe(409);

    const anonymous = app.as('');
    const section = await ok(anonymous.get(`/api/public/default?after=${marked.position}`));
    expect(section.bestCases).toEqual([{
      title: 'Молодой педагог освоился за месяц', summary: 'Открытое занятие провела через шесть недель работы.',
      topic: 'Адаптация молодого педагога', form: 'traditional', formTitle: 'Традиционная («один-на-один»)', durationDays: 181,
      completedOn: '2026-11-01', markedOn: '2026-11-24',
      activities: [
        { kind: 'workplace-intro', count: 1, kindTitle: 'Ознакомление с рабочим местом и коллективом' },
        { kind: 'practical-task', count: 1, kindTitle: 'Выполнение практических заданий' },
      ],
    }]);
    const text = JSON.stringify(section.bestCases);
    for (const leak of ['Иванова', 'Петрова', completedId, 'Открытое занятие для коллег']) expect(text).not.toContain(leak);
    expect((await ok(anonymous.get('/api/public/default/best-cases'))).items).toHaveLength(1);

    const unfinished = (await ok(curator.get('/api/mentorships?state=program-drafted'))).items[0].id;
    const early = await curator.post('/api/best-cases', { mentorshipId: unfinished, title: 'x', summary: 'y', date: '2026-11-24' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'not-completed', clause: '§8.2' });

    const withdrawn = await ok(curator.post(`/api/best-cases/${completedId}/withdraw`, { date: '2026-11-24', reason: 'Уточняем описание' }));
    expect((await ok(anonymous.get(`/api/public/default/best-cases?after=${withdrawn.position}`))).items).toEqual([]);
  });

  it('a template marked as best case is flagged in the bank', async () => {
    const marked = await ok(curator.post('/api/best-cases', { templateId, title: 'Программа адаптации', summary: 'Проверенная программа на полгода.', date: '2026-11-24' }), 201);
    const list = await ok(curator.get(`/api/program-templates?after=${marked.position}`));
    expect(list.items[0]).toMatchObject({ id: templateId, bestCase: true });
  });
});
