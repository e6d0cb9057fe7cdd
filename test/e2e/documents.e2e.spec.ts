import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { TakeStepCommand } from '#libs/mentorships';
import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';

const ORG_NAME = 'МКДОУ ДС № 6 «Рябинушка» с. Гофицкое';

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The text a reader sees in a .docx: paragraphs on lines, tabs kept. */
async function docxText(body: ArrayBuffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return decode(xml.replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
}
const htmlText = (html: string) => decode(html.replace(/<\/(p|h1|div|tr)>/g, '\n').replace(/<\/t[dh]>/g, '\t').replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]+>/g, ''));

/** The regulation's documents, generated through HTTP and opened: the right names, dates and order numbers. */
describe('documents of a mentorship (DOCX and printable HTML)', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let mentor: Staff;
  let mentees: Staff[];
  let groupId: string;

  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await p;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };
  /** Both formats of one document, as their text, with the headers of the DOCX answer. */
  async function open(client: ApiClient, id: string, kind: string, extra = '') {
    const url = (format: string) => `${client.baseUrl}/api/mentorships/${id}/documents/${kind}?format=${format}${extra}`;
    const auth = { authorization: `Bearer ${client.token}` };
    const docx = await fetch(url('docx'), { headers: auth });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const html = await fetch(url('html'), { headers: auth });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.headers.get('x-content-hash')).toBe(docx.headers.get('x-content-hash'));
    return {
      docx: await docxText(await docx.arrayBuffer()), html: htmlText(await html.text()),
      hash: docx.headers.get('x-content-hash'), status: docx.headers.get('x-document-status'),
      disposition: docx.headers.get('content-disposition'), documentId: docx.headers.get('x-document-id'),
    };
  }
  const both = (doc: { docx: string; html: string }, ...texts: string[]) => {
    for (const t of texts) {
      expect(doc.docx).toContain(t);
      expect(doc.html).toContain(t);
    }
  };

  beforeAll(async () => {
    app = await startTestApp({ config: { ORG_NAME } });
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    mentees = [await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee'), await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentee')];
    groupId = (await ok(curator.post('/api/mentorships', proposal(mentor.id, mentees.map((m) => m.id))), 201)).id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('a consent is a blank to sign before it is recorded, and the signed one after, attached to its step', async () => {
    const blank = await open(curator, groupId, 'mentee-consent', `&personId=${mentees[0].id}`);
    expect(blank.status).toBe('draft');
    expect(blank.documentId).toBeNull();
    both(blank, 'СОГЛАСИЕ', 'Я, Петрова Анна Сергеевна, добровольно даю согласие', 'в качестве наставляемого', 'Наставник: Иванова Мария Петровна.', `Заведующему ${ORG_NAME}`, 'от Петровой Анны Сергеевны', 'Срок наставничества: с 01.10.2026 по 31.03.2027.', '«___» ____________ 20___ г.');
    expect((await curator.get(`/api/mentorships/${groupId}/documents/mentee-consent`)).status).toBe(400);

    for (const [who, ref] of [[mentor.id, 'Согласие №1'], [mentees[0].id, 'Согласие №2'], [mentees[1].id, 'Согласие №3']]) {
      await ok(curator.step(groupId, 'consent', { personId: who, given: true, date: '2026-09-11', documentRef: ref }));
    }
    const signed = await open(curator, groupId, 'mentee-consent', `&personId=${mentees[0].id}`);
    expect(signed.status).toBe('final');
    both(signed, 'Дата: «11» сентября 2026 г.', 'Реквизиты: Согласие №2.');
    const mentorConsent = await open(curator, groupId, 'mentor-consent');
    both(mentorConsent, 'Я, Иванова Мария Петровна', 'в качестве наставника и на возложение на меня дополнительных обязанностей', 'Наставляемые: Петрова Анна Сергеевна, Кузнецова Елена Андреевна.');

    const list = await ok(curator.get(`/api/mentorships/${groupId}/documents`));
    const consent = list.items.find((d: any) => d.kind === 'mentee-consent' && d.personId === mentees[0].id);
    expect(consent).toMatchObject({ status: 'final', step: { event: 'ConsentRecorded', revision: 2, date: '2026-09-11' } });
    expect(consent.attachments).toEqual([expect.objectContaining({ documentId: signed.documentId, contentHash: signed.hash, step: { event: 'ConsentRecorded', revision: 2, date: '2026-09-11' } })]);
    expect(consent.attachments[0].fileName).not.toContain('Петрова');

    // Each consent step attached its signed consent; a download, anyone's, finds that record and records nothing.
    const logged = (await app.store.readAll()).length;
    await open(curator, groupId, 'mentee-consent', `&personId=${mentees[0].id}`);
    const audited = await open(auditor, groupId, 'mentee-consent', `&personId=${mentees[1].id}`);
    expect([audited.status, audited.documentId]).toEqual(['final', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect((await app.store.readAll()).length).toBe(logged);
    const again = await ok(curator.get(`/api/mentorships/${groupId}/documents`));
    expect(again.items.flatMap((d: any) => d.attachments)).toHaveLength(3);
  });

  it('the order fixing the pairs names the mentor, the mentees, the order\'s number and date', async () => {
    await ok(head.step(groupId, 'order', { number: '45-к', date: '2026-09-15' }));
    const order = await open(head, groupId, 'pairs-order');
    expect(order.status).toBe('final');
    expect(order.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Приказ № 45-к от 15.09.2026 О закреплении наставнических пар.docx')}`);
    both(order, ORG_NAME, 'ПРИКАЗ', '«15» сентября 2026 г.', '№ 45-к', 'О закреплении наставнических пар', 'ПРИКАЗЫВАЮ:',
      'Иванова Мария Петровна, воспитатель', 'Петрова Анна Сергеевна, воспитатель', 'Кузнецова Елена Андреевна, воспитатель',
      'наставническую группу (форма наставничества: наставничество в группе; направление: «Адаптация молодого педагога»)',
      'с 01.10.2026 по 31.03.2027', 'Наставнику (Ивановой М. П.) в срок до 25.09.2026 составить персонализированную программу',
      'Основание: письменные согласия — Иванова Мария Петровна — Согласие №1 от 11.09.2026');
    expect(order.docx).toMatch(/«15» сентября 2026 г\.\t№ 45-к/);
  });

  it('the mentor\'s and each mentee\'s final reports carry their text, the program and the evaluation', async () => {
    expect(await curator.get(`/api/mentorships/${groupId}/documents/mentor-report`)).toMatchObject({ status: 409, body: { code: 'document-not-available', clause: '§3.6' } });
    await ok(mentor.client.step(groupId, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] }));
    for (const m of mentees) await ok(m.client.step(groupId, 'acknowledge', { date: '2026-09-21' }));
    await ok(mentor.client.step(groupId, 'activity-done', { activityId: 'A1', date: '2026-10-10' }));
    await ok(curator.step(groupId, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' }));
    await ok(mentor.client.step(groupId, 'mentor-report', { date: '2026-11-05', text: 'Программа выполнена полностью.', recommendations: 'Рекомендую аттестацию на первую категорию.' }));
    await ok(mentees[1].client.step(groupId, 'mentee-report', { date: '2026-11-06', text: 'Наставник помогла освоиться.', mentorEvaluation: 5 }));

    const mentorReport = await open(mentor.client, groupId, 'mentor-report');
    expect(mentorReport.status).toBe('final');
    both(mentorReport, 'Отчёт наставника о выполнении персонализированной программы наставничества', 'Наставник: Иванова Мария Петровна.',
      'Наставляемые: Петрова Анна Сергеевна, Кузнецова Елена Андреевна.', 'приказ № 45-к от 15.09.2026', 'Наставничество завершено 01.11.2026',
      'Знакомство с группой', '15.10.2026', '10.10.2026', 'Программа выполнена полностью.', 'Рекомендую аттестацию на первую категорию.', '«05» ноября 2026 г.');

    // A mentee opens their own report without naming themselves; the other mentee's is still a blank.
    const own = await open(mentees[1].client, groupId, 'mentee-report');
    expect(own.status).toBe('final');
    both(own, 'Отчёт наставляемого о прохождении наставничества', 'Наставляемый: Кузнецова Елена Андреевна, воспитатель.', 'Наставник: Иванова Мария Петровна.',
      'Наставник помогла освоиться.', 'Оценка деятельности наставника: 5 из 5 (отлично).', '«06» ноября 2026 г.');
    const other = await open(curator, groupId, 'mentee-report', `&personId=${mentees[0].id}`);
    expect(other.status).toBe('draft');
    both(other, 'Наставляемый: Петрова Анна Сергеевна', '(от 1 до 5)');

    const list = await ok(curator.get(`/api/mentorships/${groupId}/documents`));
    expect(list.items.find((d: any) => d.kind === 'mentor-report').attachments).toEqual([
      expect.objectContaining({ step: { event: 'MentorReportSubmitted', revision: expect.any(Number), date: '2026-11-05' }, contentHash: mentorReport.hash }),
    ]);
  });

  it('the order replacing a mentor names the old and the new mentor, the reason and the order', async () => {
    const second = await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentor');
    const mentee = await hire(app, curator, 'Орлова Дарья Викторовна', 'mentee');
    const id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [mentee.id])), 201)).id;
    expect(await curator.get(`/api/mentorships/${id}/documents/pairs-order`)).toMatchObject({ status: 409, body: { code: 'document-not-available', clause: '§3.3, §3.7, §6.2' } });
    expect((await curator.get(`/api/mentorships/${id}/documents/replacement-order`)).status).toBe(409);
    await ok(curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №4' }));
    await ok(curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №5' }));
    await ok(head.step(id, 'order', { number: '46-к', date: '2026-09-15' }));
    await ok(mentee.client.step(id, 'request-replacement', { date: '2026-10-01', reason: 'mentee-request', note: 'несовпадение графиков работы' }));

    const draft = await open(curator, id, 'replacement-order');
    expect(draft.status).toBe('draft');
    both(draft, 'В связи с просьбой наставляемого (несовпадение графиков работы)', 'Освободить Иванову Марию Петровну (должность — воспитатель) от обязанностей наставника с ________________',
      'Назначить наставником с ________________ с письменного согласия: ________________, ________________');

    await ok(head.step(id, 'replace', { date: '2026-10-05', reason: 'mentee-request', newMentorId: second.id, newMentorConsentRef: 'Согласие №6', orderNumber: '51-к' }));
    const order = await open(head, id, 'replacement-order');
    expect(order.status).toBe('final');
    both(order, ORG_NAME, '«05» октября 2026 г.', '№ 51-к', 'О замене наставника', 'В связи с просьбой наставляемого', 'п. 3.8',
      'Освободить Иванову Марию Петровну (должность — воспитатель) от обязанностей наставника с 05.10.2026 (наставляемый: Орлова Дарья Викторовна).',
      'Назначить наставником Сидорову Ольгу Ивановну (должность — воспитатель) с 05.10.2026 с письменного согласия (Согласие №6) (наставляемый: Орлова Дарья Викторовна).',
      'Основание: обращение от 01.10.2026.');
  });

  it('a download writes nothing, whoever reads: mentor, mentee, methodist, curator', async () => {
    const methodist = await app.user(['methodist']);
    const readers = [mentor.client, mentees[0].client, mentees[1].client, methodist, curator, head];
    const logged = await app.store.readAll();
    for (const reader of readers) {
      const { items } = await ok(reader.get(`/api/mentorships/${groupId}/documents`));
      for (const d of items.filter((x: any) => x.links)) {
        for (const link of [d.links.html, d.links.docx]) expect((await reader.get(link)).status).toBe(200);
      }
    }
    expect((await app.store.readAll()).map((e) => e.id)).toEqual(logged.map((e) => e.id));
  });

  it('a step recorded without its document (by another path, or before steps attached them) is attached by hand, as of its step', async () => {
    const other = await hire(app, curator, 'Смирнова Дарья Олеговна', 'mentee');
    const id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [other.id])), 201)).id;
    // The command itself, not the HTTP step: what the demo loader and older releases did.
    const { orgId } = (await ok(curator.get('/api/session'))) as { orgId: string };
    const ctx = { actor: { userId: 'script', orgId, roles: ['curator' as const] }, commandId: randomUUID(), correlationId: 'script', requestHash: '', idempotent: false };
    await app.nest.get(CommandBus).execute(new TakeStepCommand(id, 'consent', { personId: other.id, given: true, date: '2026-09-12', documentRef: 'Согласие №9' }, ctx));
    const unattached = (await ok(curator.get(`/api/mentorships/${id}/documents`))).items.find((d: any) => d.kind === 'mentee-consent');
    expect(unattached).toMatchObject({ status: 'final', step: { revision: 1, date: '2026-09-12' }, attachments: [] });

    expect(await other.client.post(`/api/mentorships/${id}/documents/mentee-consent`, {})).toMatchObject({ status: 403, body: { code: 'role-not-allowed' } });
    expect(await auditor.post(`/api/mentorships/${id}/documents/mentee-consent`, {})).toMatchObject({ status: 403 });
    expect(await curator.post(`/api/mentorships/${id}/documents/mentor-consent`, {})).toMatchObject({ status: 409, body: { code: 'document-not-final' } });
    const attached = await curator.post(`/api/mentorships/${id}/documents/mentee-consent`, {});
    expect(attached).toMatchObject({ status: 201, body: { kind: 'mentee-consent', personId: other.id, step: { event: 'ConsentRecorded', revision: 1, date: '2026-09-12' }, replayed: false } });
    expect((await curator.post(`/api/mentorships/${id}/documents/mentee-consent`, {}))).toMatchObject({ status: 200, body: { documentId: attached.body.documentId, replayed: true } });

    // Later steps do not change it: the download is the document of its step, with the attached hash.
    await ok(curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-13', documentRef: 'Согласие №10' }));
    await ok(head.step(id, 'order', { number: '47-к', date: '2026-09-15' }));
    const doc = await open(head, id, 'mentee-consent');
    expect([doc.documentId, doc.hash]).toEqual([attached.body.documentId, attached.body.contentHash]);
    expect((await ok(curator.get(`/api/mentorships/${id}/documents`))).items.find((d: any) => d.kind === 'pairs-order').attachments)
      .toEqual([expect.objectContaining({ step: { event: 'OrderIssued', revision: 3, date: '2026-09-15' } })]);
  });

  it('is refused to someone outside the mentorship, and for a kind the regulation does not name', async () => {
    expect((await mentees[0].client.get(`/api/mentorships/${groupId}/documents/pairs-order`)).status).toBe(200);
    const stranger = await hire(app, curator, 'Соколова Ирина Павловна', 'mentee');
    expect((await stranger.client.get(`/api/mentorships/${groupId}/documents/pairs-order`)).status).toBe(404);
    expect(await curator.get(`/api/mentorships/${groupId}/documents/diploma`)).toMatchObject({ status: 404, body: { code: 'unknown-document' } });
  });
});
