import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, TODAY, type TestApp } from './support/test-app';

/** The rule gaps of the walkthrough (issue 14, part 7), over HTTP: each refused or flagged with its clause. */
describe('rule gaps of the walkthrough, over HTTP', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;

  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await p;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };
  const codes = (view: { warnings: { code: string }[] }) => view.warnings.map((w) => w.code);
  const steps = async (client: ApiClient, id: string) => (await ok(client.get(`/api/mentorships/${id}`))).availableSteps.map((s: { step: string }) => s.step);
  /** A pair taken to `active`: consents, order, a program of `activities`, the mentee's acknowledgement. */
  async function activePair(mentor: Staff, mentee: Staff, activities = 1, extra: Record<string, unknown> = {}) {
    const id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [mentee.id], extra)), 201)).id;
    for (const p of [mentor, mentee]) await ok(curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-11', documentRef: `Согласие ${p.id}` }));
    await ok(head.step(id, 'order', { number: '7-к', date: '2026-09-15' }));
    await ok(mentor.client.step(id, 'program', {
      date: '2026-09-20', activities: Array.from({ length: activities }, (_, i) => ({ kind: 'theory', title: `Тема ${i + 1}`, due: '2026-10-15' })),
    }));
    await ok(mentee.client.step(id, 'acknowledge', { date: '2026-09-21' }));
    return id as string;
  }

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
  });
  afterAll(async () => {
    await app.close();
  });

  it('a first working day tomorrow is refused as a consent dated tomorrow is (§3.7)', async () => {
    expect(TODAY).toBe('2026-11-24');
    const hireTomorrow = await curator.post('/api/people', { fullName: 'Новикова Ольга Ивановна', position: 'Воспитатель', firstWorkingDay: '2026-11-25' });
    expect(hireTomorrow).toMatchObject({ status: 422, body: { code: 'date-in-future', clause: '§3.7' } });
    const today = await ok(curator.post('/api/people', { fullName: 'Новикова Ольга Ивановна', position: 'Воспитатель', firstWorkingDay: TODAY }), 201);
    expect(await curator.post(`/api/people/${today.id}/consent`, { date: '2026-11-25', documentRef: 'ПДн' })).toMatchObject({ status: 422, body: { code: 'date-in-future' } });
  });

  it('a mentee already in an unfinished mentorship is proposed again with a warning, not a refusal', async () => {
    const [m1, m2] = [await hire(app, curator, 'Орлова Татьяна Викторовна', 'mentor'), await hire(app, curator, 'Белова Анна Андреевна', 'mentor')];
    const mentee = await hire(app, curator, 'Зайцева Ксения Павловна', 'mentee');
    const first = await ok(curator.post('/api/mentorships', proposal(m1.id, [mentee.id])), 201);
    expect(codes(first.mentorship)).not.toContain('mentee-in-unfinished-mentorship');
    const again = await ok(curator.post('/api/mentorships', proposal(m2.id, [mentee.id], { topic: 'Игровые технологии' })), 201);
    expect(again.mentorship.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'mentee-in-unfinished-mentorship', clause: '§3.4, §6.1' })]));
    const list = await ok(curator.get(`/api/mentorships?menteeId=${mentee.id}&after=${again.position}`));
    expect(codes(list.items.find((i: { id: string }) => i.id === again.id))).toContain('mentee-in-unfinished-mentorship');
    // Once the first is withdrawn, a third proposal finds nothing unfinished but the second.
    await ok(curator.step(first.id, 'withdraw', { date: '2026-09-12', reason: 'Передумали' }));
    await ok(curator.step(again.id, 'withdraw', { date: '2026-09-12', reason: 'Передумали' }));
    const third = await ok(curator.post('/api/mentorships', proposal(m1.id, [mentee.id], { topic: 'Третья тема' })), 201);
    expect(codes(third.mentorship)).not.toContain('mentee-in-unfinished-mentorship');
  });

  it('«Отметить мероприятие выполненным» is no longer offered once every activity is done', async () => {
    const mentor = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    const id = await activePair(mentor, mentee, 2);
    await ok(mentor.client.step(id, 'activity-done', { activityId: 'A1', date: '2026-10-01' }));
    expect(await steps(mentor.client, id)).toContain('activity-done');
    await ok(mentor.client.step(id, 'activity-done', { activityId: 'A2', date: '2026-10-02' }));
    expect(await steps(mentor.client, id)).not.toContain('activity-done');
    expect(await steps(curator, id)).not.toContain('activity-done');
    expect(await mentor.client.step(id, 'activity-done', { activityId: 'A2', date: '2026-10-03' }))
      .toMatchObject({ status: 409, body: { code: 'step-not-allowed', clause: '§3.6' } });
  });

  it('a completion on the day the mentorship was planned to start carries a warning (§3.7)', async () => {
    const mentor = await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentor');
    const mentee = await hire(app, curator, 'Смирнова Дарья Олеговна', 'mentee');
    const id = await activePair(mentor, mentee, 1, { plannedStart: '2026-09-22', plannedEnd: '2027-03-31' });
    const done = await ok(curator.step(id, 'complete', { date: '2026-09-22', reason: 'mentee-initiative', note: 'Увольнение' }));
    expect(done.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'completed-before-minimum-term', clause: '§3.7' })]));
  });

  it('after a replacement the successor waits for the mentee\'s written consent to the new mentor (§3.7)', async () => {
    const [old, next] = [await hire(app, curator, 'Фёдорова Нина Николаевна', 'mentor'), await hire(app, curator, 'Морозова Галина Львовна', 'mentor')];
    const mentee = await hire(app, curator, 'Васильева Ирина Игоревна', 'mentee');
    const id = await activePair(old, mentee);
    const replaced = await ok(head.step(id, 'replace', { date: '2026-10-05', reason: 'transferred', newMentorId: next.id, newMentorConsentRef: 'С-9', orderNumber: '55-к' }));
    const successor = await ok(curator.get(`/api/mentorships/${replaced.successorId}`));
    expect(successor.consents.map((c: { personId: string }) => c.personId)).toEqual([next.id]);
    expect(successor.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'consent-to-new-mentor-missing', clause: '§3.7' })]));
    expect(await steps(curator, replaced.successorId)).toContain('consent');

    await ok(next.client.step(replaced.successorId, 'program', { date: '2026-10-06', activities: [{ kind: 'support', title: 'Сопровождение', due: '2026-12-01' }] }));
    expect(await steps(mentee.client, replaced.successorId)).not.toContain('acknowledge');
    expect(await mentee.client.step(replaced.successorId, 'acknowledge', { date: '2026-10-07' }))
      .toMatchObject({ status: 422, body: { code: 'consent-to-new-mentor-missing', clause: '§3.7' } });

    await ok(curator.step(replaced.successorId, 'consent', { personId: mentee.id, given: true, date: '2026-10-07', documentRef: 'Согласие на нового наставника' }));
    const docs = await ok(curator.get(`/api/mentorships/${replaced.successorId}/documents`));
    expect(docs.items.find((d: { kind: string }) => d.kind === 'mentee-consent')).toMatchObject({ status: 'final', step: { event: 'ConsentRecorded' } });
    expect((await ok(mentee.client.step(replaced.successorId, 'acknowledge', { date: '2026-10-07' }))).state).toBe('active');
  });

  it('a replacement that brings the mentee\'s consent to the new pair opens a successor that counts it', async () => {
    const [old, next] = [await hire(app, curator, 'Лебедева Вера Петровна', 'mentor'), await hire(app, curator, 'Комарова Лидия Ивановна', 'mentor')];
    const mentee = await hire(app, curator, 'Соколова Мария Андреевна', 'mentee');
    const id = await activePair(old, mentee);
    const replaced = await ok(head.step(id, 'replace', {
      date: '2026-10-05', reason: 'mentee-request', newMentorId: next.id, newMentorConsentRef: 'С-10', orderNumber: '56-к',
      menteeConsents: [{ personId: mentee.id, date: '2026-10-04', documentRef: 'Согласие на нового наставника № 4' }],
      agreement: { number: 'ДС-56', date: '2026-10-05', pay: 'none' },
    }));
    const successor = await ok(curator.get(`/api/mentorships/${replaced.successorId}`));
    expect(codes(successor)).not.toContain('consent-to-new-mentor-missing');
    expect(successor.order).toEqual({ number: '56-к', date: '2026-10-05', agreement: { number: 'ДС-56', date: '2026-10-05', pay: 'none' } });
    expect(await steps(curator, replaced.successorId)).not.toContain('consent');
    // The new mentor's supplementary agreement (ТК РФ ст. 351.8) is the successor's, attached with the replacement.
    const docs = await ok(curator.get(`/api/mentorships/${replaced.successorId}/documents`));
    expect(docs.items.find((d: { kind: string }) => d.kind === 'supplementary-agreement')).toMatchObject({
      personId: next.id, status: 'final', step: { event: 'MentorshipContinued', revision: 0 }, attachments: [expect.objectContaining({ kind: 'supplementary-agreement' })],
    });
    expect(docs.items.find((d: { kind: string }) => d.kind === 'mentee-consent')).toMatchObject({ status: 'final', step: { event: 'MentorshipContinued' } });
  });
});
