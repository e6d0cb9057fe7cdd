import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * ТК РФ ст. 351.8 over HTTP: the order records the supplementary agreement's terms, and the curator
 * ends the mentorship early on written notice — an end sooner than 3 working days after the notice
 * (by the production calendar) is refused, a valid one completes it.
 */
describe('early termination by written notice over HTTP (ТК РФ ст. 351.8)', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let mentor: Staff;
  let mentee: Staff;
  let id: string;
  const agreement = { number: 'ДС-45', date: '2026-09-14', contractRef: '№ 12 от 01.09.2020', pay: 'percent', percent: 10 };

  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await p;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };
  const steps = async (client: ApiClient) => (await ok(client.get(`/api/mentorships/${id}`))).availableSteps.map((s: { step: string }) => s.step);

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    mentor = await hire(app, curator, 'Фёдорова Галина Павловна', 'mentor');
    mentee = await hire(app, curator, 'Морозова Алина Игоревна', 'mentee');
    id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [mentee.id])), 201)).id;
    for (const [who, ref] of [[mentor.id, 'Согласие №1'], [mentee.id, 'Согласие №2']]) {
      await ok(curator.step(id, 'consent', { personId: who, given: true, date: '2026-09-11', documentRef: ref }));
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('the order records the agreement\'s pay terms; a sum without its figure is refused at its field, in Russian', async () => {
    const bad = await head.step(id, 'order', { number: '45-к', date: '2026-09-15', agreement: { ...agreement, pay: 'amount', percent: undefined } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'agreement.amount', message: 'Укажите размер доплаты в рублях в месяц.' })]));

    const ordered = await ok(head.step(id, 'order', { number: '45-к', date: '2026-09-15', agreement }));
    expect(ordered.order).toEqual({ number: '45-к', date: '2026-09-15', agreement });
    expect(ordered.warnings.map((w: { code: string }) => w.code)).not.toContain('supplementary-agreement-missing');
  });

  it('the order step attaches the mentor\'s supplementary agreement, printable as DOCX and HTML', async () => {
    const { items } = await ok(curator.get(`/api/mentorships/${id}/documents`));
    const doc = items.find((d: { kind: string }) => d.kind === 'supplementary-agreement');
    expect(doc).toMatchObject({
      personId: mentor.id, status: 'final', clause: 'ТК РФ ст. 351.8, §3.3', step: { event: 'OrderIssued', revision: 3, date: '2026-09-15' },
      attachments: [expect.objectContaining({ fileName: 'Дополнительное соглашение № ДС-45 от 14.09.2026 о наставничестве' })],
    });
    const auth = { authorization: `Bearer ${head.token}` };
    const html = await (await fetch(`${head.baseUrl}${doc.links.html}`, { headers: auth })).text();
    for (const t of ['ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ДС-45', 'к трудовому договору № 12 от 01.09.2020', 'Фёдорова Галина Павловна, воспитатель, именуемая',
      'Морозова Алина Игоревна, воспитатель', 'Срок выполнения работы: с 01.10.2026 по 31.03.2027.', 'доплата в размере 10 % должностного оклада в месяц',
      'не менее чем за три рабочих дня']) expect(html).toContain(t);
    const docx = await fetch(`${head.baseUrl}${doc.links.docx}`, { headers: auth });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('x-document-status')).toBe('final');
  });

  it('the agreement and the mentor\'s pay are the mentor\'s and the staff\'s, not the mentee\'s', async () => {
    expect((await ok(mentor.client.get(`/api/mentorships/${id}`))).order).toEqual({ number: '45-к', date: '2026-09-15', agreement });
    expect((await ok(mentee.client.get(`/api/mentorships/${id}`))).order).toEqual({ number: '45-к', date: '2026-09-15' });
    const kinds = (await ok(mentee.client.get(`/api/mentorships/${id}/documents`))).items.map((d: { kind: string }) => d.kind);
    expect(kinds).toContain('pairs-order');
    expect(kinds).not.toContain('supplementary-agreement');
    expect(await mentee.client.get(`/api/mentorships/${id}/documents/supplementary-agreement?format=html`))
      .toMatchObject({ status: 403, body: { code: 'agreement-of-the-mentor', clause: 'ТК РФ ст. 351.8' } });
    expect((await mentor.client.get(`/api/mentorships/${id}/documents/supplementary-agreement?format=html`)).status).toBe(200);
    const order = (await ok(mentee.client.get(`/api/mentorships/${id}/history`))).entries.find((e: { type: string }) => e.type === 'OrderIssued');
    expect(order).toMatchObject({ data: { number: '45-к', date: '2026-09-15' }, withheld: ['agreement'] });
    expect(order.data.agreement).toBeUndefined();
    const listed = (await ok(mentee.client.get('/api/mentorships'))).items.find((i: { id: string }) => i.id === id);
    expect(listed?.order ?? { number: '45-к', date: '2026-09-15' }).toEqual({ number: '45-к', date: '2026-09-15' });
  });

  it('offers «Досрочно прекратить» to the curator and the head, with its schema, and not to the participants', async () => {
    await ok(mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] }));
    await ok(mentee.client.step(id, 'acknowledge', { date: '2026-09-21' }));
    const view = await ok(curator.get(`/api/mentorships/${id}`));
    const step = view.availableSteps.find((s: { step: string }) => s.step === 'end-early');
    expect(step).toMatchObject({ title: 'Досрочно прекратить наставничество', as: ['curator'], href: `/api/mentorships/${id}/steps/end-early` });
    expect(step.schema.properties.noticeBy).toMatchObject({ enum: ['mentor', 'mentee', 'employer'] });
    expect(step.schema.properties.noticeDate).toMatchObject({ format: 'date', description: 'Дата письменного уведомления' });
    expect(await steps(head)).toContain('end-early');
    expect(await steps(mentor.client)).not.toContain('end-early');
    expect(await steps(mentee.client)).not.toContain('end-early');
    expect(await mentor.client.step(id, 'end-early', { noticeBy: 'mentor', noticeDate: '2026-11-16', noticeRef: 'Заявление', date: '2026-11-19' }))
      .toMatchObject({ status: 403, body: { code: 'role-not-allowed' } });
  });

  it('refuses an end date sooner than 3 working days after the notice, and accepts one that is not', async () => {
    const notice = { noticeBy: 'mentor', noticeDate: '2026-11-16', noticeRef: 'Заявление наставника от 16.11.2026' };
    const early = await curator.step(id, 'end-early', { ...notice, date: '2026-11-18' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'notice-period-too-short', clause: 'ТК РФ ст. 351.8, §7.1' });
    expect(early.body.detail ?? early.body.message).toContain('не ранее 19.11.2026');
    expect((await ok(curator.get(`/api/mentorships/${id}`))).state).toBe('active');

    const ended = await ok(curator.step(id, 'end-early', { ...notice, date: '2026-11-19', note: 'Перевод в другой корпус' }));
    expect(ended).toMatchObject({
      state: 'completed',
      completion: {
        date: '2026-11-19', reason: 'mentor-initiative', note: 'Перевод в другой корпус',
        earlyEnd: { noticeBy: 'mentor', personId: mentor.id, noticeDate: '2026-11-16', noticeRef: notice.noticeRef },
      },
    });
    expect(ended.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'mentor-report', due: '2026-11-29' })]));
    expect(await steps(mentor.client)).toEqual(['mentor-report']);
    expect(await curator.step(id, 'end-early', { ...notice, date: '2026-11-20' })).toMatchObject({ status: 409, body: { code: 'step-not-allowed' } });
  });

  it('keeps the notice as the document the early end rests on, and tells it in Russian in the audit package', async () => {
    const { entries } = await ok(curator.get(`/api/mentorships/${id}/history`));
    expect(entries.at(-1)).toMatchObject({
      type: 'MentorshipEndedEarly', businessDate: '2026-11-19', stateAfter: 'completed',
      document: { kind: 'письменное уведомление о досрочном прекращении наставничества', ref: 'Заявление наставника от 16.11.2026', date: '2026-11-16' },
    });
    const pack = await ok(curator.get(`/api/audit/export?mentorshipId=${id}`));
    expect(JSON.stringify(pack)).toContain('досрочно прекратил наставничество с 19.11.2026 по письменному уведомлению (наставник: Фёдорова Галина Павловна');
  });
});
