import { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The read side over HTTP: lists, loads, deadlines, banks, the public section, read-your-writes —
 * with the projector on the API's event loop (`PROJECTIONS=inline`, read models in memory) and on a
 * thread of its own (`thread`, the default of `npm start`, read models in a file): the same answers.
 */
describe.each([
  ['on the event loop', 'inline', {}],
  ['on a thread of its own', 'thread', { projectorThread: true }],
] as const)('read models over HTTP, projector %s', (_, mode, options) => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let anonymous: ApiClient;
  let last = '';
  const s: Record<string, Staff> = {};
  const ids: Record<string, string> = {};

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    if (r.body?.position) last = r.body.position;
    return r.body;
  };
  const fresh = (path: string, client = curator) => client.get(`${path}${path.includes('?') ? '&' : '?'}after=${last}`);

  beforeAll(async () => {
    app = await startTestApp(options);
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    anonymous = new ApiClient(app.baseUrl);
    s.ivanova = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    s.sidorova = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor');
    s.petrova = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee', '2026-09-01');
    s.kuznetsova = await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentee', '2026-11-01');
    s.smirnova = await hire(app, curator, 'Смирнова Дарья Олеговна', 'mentee', '2026-10-20');

    // Completed and published; proposed (appointment due 12-01); ordered on 11-20 (program due 11-30); proposed late (overdue appointment).
    ids.done = (await ok(curator.post('/api/mentorships', proposal(s.ivanova.id, [s.petrova.id])))).id;
    await ok(curator.step(ids.done, 'consent', { personId: s.ivanova.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' }));
    await ok(curator.step(ids.done, 'consent', { personId: s.petrova.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' }));
    await ok(head.step(ids.done, 'order', { number: '45-к', date: '2026-09-15' }));
    await ok(s.ivanova.client.step(ids.done, 'program', { date: '2026-09-20', activities: [{ kind: 'theory', title: 'Семинар', due: '2026-10-15' }] }));
    await ok(s.petrova.client.step(ids.done, 'acknowledge', { date: '2026-09-21' }));
    await ok(curator.step(ids.done, 'complete', { date: '2026-10-20', reason: 'mutual-decision' }));
    await ok(s.petrova.client.step(ids.done, 'mentee-report', { date: '2026-10-25', text: 'Полезно', mentorEvaluation: 4 }));
    await ok(curator.step(ids.done, 'publish', { date: '2026-10-30', summary: 'Итоги для сайта' }));

    ids.proposed = (await ok(curator.post('/api/mentorships', proposal(s.ivanova.id, [s.kuznetsova.id], { form: 'virtual', date: '2026-11-10', plannedStart: '2026-11-15', plannedEnd: '2027-05-15' })))).id;
    ids.group = (await ok(curator.post('/api/mentorships', proposal(s.sidorova.id, [s.kuznetsova.id, s.smirnova.id], { date: '2026-11-01', plannedStart: '2026-11-21', plannedEnd: '2027-05-31' })))).id;
    for (const p of [s.sidorova, s.kuznetsova, s.smirnova]) await ok(curator.step(ids.group, 'consent', { personId: p.id, given: true, date: '2026-11-02', documentRef: 'С' }));
    await ok(head.step(ids.group, 'order', { number: '60-к', date: '2026-11-20' }));
  });
  afterAll(() => app.close());

  it('lists mentorships with names, deadlines, the last step, filters and pages', async () => {
    const all = await fresh('/api/mentorships?pageSize=2');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2, stale: false });
    expect(all.body.items.map((i: any) => i.id)).toEqual([ids.proposed, ids.group]);
    expect((await curator.get('/api/mentorships?pageSize=2&page=2')).body.items.map((i: any) => i.id)).toEqual([ids.done]);

    const group = all.body.items[1];
    expect(group).toMatchObject({
      state: 'ordered', stateTitle: 'Утверждено приказом', form: 'group', formTitle: 'Наставничество в группе',
      mentor: { personId: s.sidorova.id, fullName: 'Сидорова Ольга Ивановна' },
      dates: { orderedOn: '2026-11-20' }, order: { number: '60-к', date: '2026-11-20' },
      lastStep: { event: 'OrderIssued', date: '2026-11-20', role: 'head', roleTitle: 'заведующий', title: 'Издать приказ о закреплении' },
    });
    expect(group.mentees.map((m: any) => m.fullName)).toEqual(['Кузнецова Елена Андреевна', 'Смирнова Дарья Олеговна']);
    expect(group.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'program', due: '2026-11-30', status: 'upcoming' })]));

    const only = async (q: string) => (await curator.get(`/api/mentorships?${q}`)).body.items.map((i: any) => i.id);
    expect(await only('state=completed')).toEqual([ids.done]);
    expect(await only(`mentorId=${s.ivanova.id}`)).toEqual([ids.proposed, ids.done]);
    expect(await only(`menteeId=${s.kuznetsova.id}`)).toEqual([ids.proposed, ids.group]);
    expect(await only('form=virtual')).toEqual([ids.proposed]);
    // The group's appointment for Смирнова (first day 10-20) was due 11-19, a day before the order: met late, not overdue.
    expect(await only('overdue=true')).toEqual([ids.done]);
    expect(await only('overdue=false')).toEqual([ids.proposed, ids.group]);

    const bad = await curator.get('/api/mentorships?state=finished&pageSize=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['pageSize', 'state']);
  });

  it('shows a mentor and a mentee only their own mentorships', async () => {
    expect((await s.sidorova.client.get('/api/mentorships')).body.items.map((i: any) => i.id)).toEqual([ids.group]);
    expect((await s.kuznetsova.client.get('/api/mentorships')).body.items.map((i: any) => i.id)).toEqual([ids.proposed, ids.group]);
    expect((await s.petrova.client.get(`/api/mentorships?mentorId=${s.sidorova.id}`)).body.total).toBe(0);
  });

  it('gives the mentor load against the limit of three', async () => {
    const load = await curator.get(`/api/mentors/${s.sidorova.id}/load`);
    expect(load.body).toMatchObject({ mentorId: s.sidorova.id, fullName: 'Сидорова Ольга Ивановна', current: 2, limit: 3, available: 1, clause: '§3.7' });
    expect(load.body.mentorships).toEqual([expect.objectContaining({ id: ids.group, mentees: 2, state: 'ordered' })]);
    expect((await s.ivanova.client.get(`/api/mentors/${s.ivanova.id}/load`)).body.current).toBe(1);
    expect((await s.ivanova.client.get(`/api/mentors/${s.sidorova.id}/load`)).status).toBe(403);
    expect((await curator.get('/api/mentors/nobody/load')).status).toBe(404);
  });

  it('lists deadlines due within a horizon, overdue first, with the yearly bank update', async () => {
    const d = (await fresh('/api/deadlines?within=14d')).body;
    expect(d).toMatchObject({ today: '2026-11-24', within: 14, horizon: '2026-12-08' });
    // The mentee reported on time; the mentor's report (due 10 days after the 10-20 completion) is missing.
    expect(d.items.map((i: any) => [i.kind, i.due, i.status, i.mentorshipId])).toEqual([
      ['mentor-report', '2026-10-30', 'overdue', ids.done],
      ['program', '2026-11-30', 'upcoming', ids.group],
      ['appointment', '2026-12-01', 'upcoming', ids.proposed],
    ]);
    expect(d.items[0]).toMatchObject({ daysLate: 25, fullName: 'Иванова Мария Петровна', clause: '§3.6' });
    expect(d.items[2]).toMatchObject({ fullName: 'Кузнецова Елена Андреевна', daysLeft: 7, clause: '§3.7' });
    expect(d).toMatchObject({ overdue: 1, upcoming: 2 });
    const year = (await curator.get('/api/deadlines?within=366d')).body.items;
    expect(year.at(-1)).toMatchObject({ kind: 'mentee-bank-update', clause: '§3.4', due: '2027-11-24', status: 'upcoming' });
    expect((await s.sidorova.client.get('/api/deadlines')).body.items.map((i: any) => i.mentorshipId)).toEqual([ids.group]);
    expect((await curator.get('/api/deadlines?within=soon')).status).toBe(400);
  });

  it('keeps the banks for staff readers, with loads and the yearly update', async () => {
    const mentors = (await fresh('/api/banks/mentors')).body;
    expect(mentors.items.map((m: any) => [m.fullName, m.load.current])).toEqual([['Иванова Мария Петровна', 1], ['Сидорова Ольга Ивановна', 2]]);
    const mentees = (await curator.get('/api/banks/mentees')).body;
    expect(mentees.total).toBe(3);
    expect(mentees.items.find((m: any) => m.personId === s.petrova.id)).toMatchObject({ inMentorship: false, requests: ['планирование занятий'] });
    expect(mentees.update).toMatchObject({ clause: '§3.4', lastUpdatedOn: '2026-11-24', due: '2027-11-24', status: 'upcoming' });
    expect((await s.ivanova.client.get('/api/banks/mentors')).status).toBe(403);
  });

  it('publishes a public section without a token and without personal data beyond §8', async () => {
    const r = await anonymous.get(`/api/public/default?after=${last}`);
    expect(r.status).toBe(200);
    expect(r.body.programs).toEqual([{ topic: 'Адаптация молодого педагога', form: 'group', formTitle: 'Наставничество в группе', plannedStart: '2026-11-21', plannedEnd: '2027-05-31', mentees: 2 }]);
    expect(r.body.results).toEqual([expect.objectContaining({ completedOn: '2026-10-20', publishedOn: '2026-10-30', summary: 'Итоги для сайта' })]);
    expect(r.body.mentors).toEqual([
      { fullName: 'Иванова Мария Петровна', position: 'Воспитатель', competences: ['ФГОС ДО', 'игровые технологии'] },
      { fullName: 'Сидорова Ольга Ивановна', position: 'Воспитатель', competences: ['ФГОС ДО', 'игровые технологии'] },
    ]);
    expect(r.body.mentees).toHaveLength(3);
    expect(r.body.mentees[0]).toEqual({ position: 'Воспитатель', requests: ['планирование занятий'] });
    const text = JSON.stringify(r.body);
    for (const p of Object.values(s)) expect(text).not.toContain(p.id);
    for (const forbidden of ['Петрова', 'Кузнецова', 'Смирнова', '2026-09-01', 'firstWorkingDay', 'ПДн', 'Согласие', 'evaluation', 'personId', '45-к']) {
      expect(text).not.toContain(forbidden);
    }
    expect((await anonymous.get('/api/public/default/programs')).body.items).toHaveLength(1);
    expect((await anonymous.get('/api/public/another-org')).body).toMatchObject({ programs: [], results: [], mentors: [], mentees: [] });
    expect((await anonymous.get('/api/mentorships')).status).toBe(401);
  });

  it('reads its own writes: a query waits for the position a step returned', async () => {
    const step = await ok(curator.step(ids.proposed, 'consent', { personId: s.ivanova.id, given: true, date: '2026-11-11', documentRef: 'С' }));
    const byQuery = await curator.get(`/api/mentorships?state=proposed&after=${step.position}`);
    expect(byQuery.headers.get('x-read-model-stale')).toBe('false');
    expect(byQuery.body.items[0].lastStep).toMatchObject({ event: 'ConsentRecorded', date: '2026-11-11' });
    const declined = await ok(curator.step(ids.proposed, 'consent', { personId: s.kuznetsova.id, given: false, date: '2026-11-12', documentRef: 'Отказ' }));
    const byHeader = await curator.get('/api/mentorships?state=declined', { 'X-Min-Position': declined.position });
    expect(byHeader.body.items.map((i: any) => i.id)).toEqual([ids.proposed]);
    expect(byHeader.body.position).toBe(byHeader.headers.get('x-read-model-position'));

    // Past the end of the log there is nothing left to wait for.
    expect((await curator.get('/api/mentorships?after=999999999/999999999')).body.stale).toBe(false);
    expect((await curator.get('/api/mentorships?after=yesterday')).status).toBe(400);
  });

  it('shows projection lag in health, without a token', async () => {
    const h = await anonymous.get('/api/health/projections');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', mode, generation: 1 });
    expect(h.body.projections.map((p: any) => [p.projection, p.behind])).toEqual([
      ['mentorships', 0], ['people', 0], ['program-templates', 0], ['best-cases', 0], ['roadmap', 0], ['surveys', 0],
    ]);
    const doc = (await anonymous.get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/mentorships']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/reports/monitoring'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'form', 'format']));
  });
});
