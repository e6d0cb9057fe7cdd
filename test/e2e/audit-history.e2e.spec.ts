import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { addDays } from '#core/shared';
import { TODAY } from '../support/test-clock';

describe('audit: full history and state as of a date', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let id: string;
  let mentorId: string;

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    const mentor = await hire(app, curator, 'Наставник Аудит', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемый Аудит', 'mentee');
    mentorId = mentor.id;
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №7' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-12', documentRef: 'Согласие №8' });
    // Entered today (the test clock says 2026-11-24) for an order dated in September: a late entry.
    await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
  });
  afterAll(() => app.close());

  it('lists every event in order with who, when, on which document, and the state after it', async () => {
    const h = await auditor.get(`/api/mentorships/${id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.entries.map((e: { type: string; stateAfter: string }) => [e.type, e.stateAfter])).toEqual([
      ['MentorshipProposed', 'proposed'],
      ['ConsentRecorded', 'proposed'],
      ['ConsentRecorded', 'consented'],
      ['OrderIssued', 'ordered'],
    ]);
    const order = h.body.entries[3];
    expect(order).toMatchObject({
      revision: 3,
      businessDate: '2026-09-15',
      actor: { role: 'head', name: 'Пользователь head' },
      document: { kind: 'приказ о закреплении', number: '45-к', date: '2026-09-15' },
    });
    expect(h.body.entries[1].document).toMatchObject({ ref: 'Согласие №7' });
  });

  it('shows the state on a business date, and how the system knew it then when a step was entered late', async () => {
    const onSept13 = await auditor.get(`/api/mentorships/${id}?asOf=2026-09-13`);
    expect(onSept13.status).toBe(200);
    expect(onSept13.body).toMatchObject({ state: 'consented', revision: 2, availableSteps: [] });
    const onSept20 = await auditor.get(`/api/mentorships/${id}?asOf=2026-09-20`);
    expect(onSept20.body.state).toBe('ordered');
    // Everything was typed in on 2026-11-24, so on 2026-09-20 the system itself knew nothing yet.
    expect(onSept20.body.asOf).toMatchObject({ date: '2026-09-20', revision: 3, differs: true, asKnownThen: { revision: -1, state: 'new' } });
    const before = await auditor.get(`/api/mentorships/${id}?asOf=2026-09-01`);
    expect(before.body).toMatchObject({ status: 404, code: 'not-yet-existing' });
  });

  it('shows the state as recorded at an instant', async () => {
    const now = await auditor.get(`/api/mentorships/${id}?asOfRecorded=${encodeURIComponent(new Date(app.clock.now().getTime() + 60_000).toISOString())}`);
    expect(now.body).toMatchObject({ state: 'ordered', revision: 3 });
    const early = await auditor.get(`/api/mentorships/${id}?asOfRecorded=2020-01-01T00:00:00Z`);
    expect(early.body.code).toBe('not-yet-existing');
    expect((await auditor.get(`/api/mentorships/${id}?asOf=2026-13-01`)).body.code).toBe('invalid-body');
  });

  it('an auditor reads everything and can change nothing', async () => {
    const r = await auditor.step(id, 'program', { date: '2026-11-24', activities: [{ kind: 'theory', title: 'x', due: '2026-12-01' }] });
    expect(r.status).toBe(403);
    const propose = await auditor.post('/api/mentorships', proposal(mentorId, ['someone']));
    expect(propose.body).toMatchObject({ status: 403, code: 'role-not-allowed', clause: '§3.4' });
    expect((await auditor.get(`/api/people/${mentorId}`)).status).toBe(200);
  });
});

describe('audit: the organisation as of a date', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('replays who mentored whom, the banks and the consents on a given day', async () => {
    const curator = await app.user(['curator']);
    const auditor = await app.user(['auditor']);
    const mentor = await hire(app, curator, 'Наставник Дата', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемый Дата', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'withdraw', { date: '2026-10-01', reason: 'передумали' });

    const sept = (await auditor.get('/api/audit/organisation?asOf=2026-09-15')).body;
    expect(sept.mentorships).toEqual([expect.objectContaining({ id, state: 'proposed', mentorId: mentor.id, menteeIds: [mentee.id] })]);
    expect(sept.personalDataConsents.map((c: { personId: string }) => c.personId).sort()).toEqual([mentor.id, mentee.id].sort());
    const oct = (await auditor.get('/api/audit/organisation?asOf=2026-10-02')).body;
    expect(oct.mentorships[0].state).toBe('withdrawn');
    const aug = (await auditor.get('/api/audit/organisation?asOf=2026-08-01')).body;
    expect(aug.mentorships).toEqual([]);
    expect(aug.personalDataConsents).toEqual([]);
    // Bank entries carry no business date: they count from the day they were recorded (today here).
    expect(oct.mentorBank).toEqual([]);
    expect((await auditor.get(`/api/audit/organisation?asOf=${addDays(TODAY, 1)}`)).body.mentorBank)
      .toEqual([expect.objectContaining({ personId: mentor.id })]);
    expect((await curator.get('/api/audit/organisation')).body.code).toBe('invalid-body');
  });
});
