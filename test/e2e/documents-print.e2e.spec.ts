import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from './support/api-client';
import { startTestApp, type TestApp } from './support/test-app';

const ARTIFACTS = join(__dirname, '../../test-artifacts/documents');
const DETAILS = {
  fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое',
  shortName: 'МКДОУ ДС № 6 «Рябинушка»',
  address: '356265, Ставропольский край, Петровский район, с. Гофицкое, ул. Школьная, 12',
  headName: 'Савельева Людмила Михайловна',
  headPosition: 'Заведующий',
  curatorName: 'Кузнецова Ольга Николаевна',
  curatorPosition: 'Заместитель заведующего по воспитательной работе',
  effectiveFrom: '2026-09-01',
};
/** Names entered in Latin letters: the only Latin a document may print. */
const LATIN_NAMES = ['Nguyen Van An'];

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The documents a head signs, as files: every kind for a pair, a group and a replacement, in a kindergarten
 * whose details were entered in the app. Each DOCX is opened (jszip) and read as its reader would: names in the
 * case the sentence needs, dates as dd.mm.yyyy, no ISO dates, ids or Latin words; the layout keeps signatures
 * with their text and table rows whole. The files are kept in test-artifacts/documents/ to look at.
 */
describe('documents a head signs (DOCX opened, HTML read)', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  const ids: Record<string, string> = {};
  const clients: Record<string, ApiClient> = {};
  let pair: string;
  let group: string;

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  async function person(key: string, fullName: string, position: string, firstWorkingDay: string, bank: 'mentor' | 'mentee') {
    const { id } = await ok(curator.post('/api/people', { fullName, position, firstWorkingDay }));
    await ok(curator.post(`/api/people/${id}/consent`, { date: '2026-08-25', documentRef: `ПДн № ${Object.keys(ids).length + 1}` }));
    await ok(curator.post(bank === 'mentor' ? '/api/mentor-bank' : '/api/mentee-bank', bank === 'mentor' ? { personId: id, competences: ['ФГОС ДО'] } : { personId: id, requests: ['планирование'] }));
    ids[key] = id;
    clients[key] = await app.user([bank], id);
  }
  async function file(id: string, kind: string, format: 'docx' | 'html', personId?: string): Promise<Buffer> {
    const res = await fetch(`${app.baseUrl}/api/mentorships/${id}/documents/${kind}?format=${format}${personId ? `&personId=${personId}` : ''}`, { headers: { authorization: `Bearer ${head.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
  /** The DOCX as XML and as the text a reader sees (paragraphs on lines, tabs kept); saved with its HTML twin. */
  async function open(name: string, id: string, kind: string, personId?: string) {
    const docx = await file(id, kind, 'docx', personId);
    const html = await file(id, kind, 'html', personId);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.docx`), docx);
    writeFileSync(join(ARTIFACTS, `${name}.html`), html);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const text = decode(xml.replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
    return { xml, text, html: html.toString('utf8') };
  }
  const readable = (text: string) => {
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const latin = LATIN_NAMES.reduce((t, n) => t.split(n).join(''), text).match(/[A-Za-z]+/g);
    expect(latin).toBeNull();
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}/);
  };

  beforeAll(async () => {
    app = await startTestApp();
    [curator, head] = await Promise.all([app.user(['curator']), app.user(['head'])]);
    await ok(head.post('/api/organisation/details', DETAILS));
    await person('mentor', 'Петрова-Водкина Мария Кузьминична', 'Старший воспитатель', '2010-09-01', 'mentor');
    await person('newMentor', 'Фёдорова Галина Павловна', 'Воспитатель', '2012-09-01', 'mentor');
    await person('groupMentor', 'Алиев Рашид Гасан оглы', 'Инструктор по физической культуре', '2014-09-01', 'mentor');
    await person('mentee', 'Морозова Алина Игоревна', 'Воспитатель', '2026-09-01', 'mentee');
    await person('smith', 'Смит Джон', 'Музыкальный руководитель', '2026-09-01', 'mentee');
    await person('nguyen', 'Nguyen Van An', 'Воспитатель', '2026-09-01', 'mentee');

    pair = (await ok(curator.post('/api/mentorships', { mentorId: ids.mentor, menteeIds: [ids.mentee], form: 'traditional', topic: 'Адаптация молодого педагога', plannedStart: '2026-09-15', plannedEnd: '2027-05-31', date: '2026-09-05' }))).id;
    await ok(curator.step(pair, 'consent', { personId: ids.mentor, given: true, date: '2026-09-07', documentRef: 'Согласие № 12' }));
    await ok(curator.step(pair, 'consent', { personId: ids.mentee, given: true, date: '2026-09-08', documentRef: 'Согласие № 13' }));
    await ok(head.step(pair, 'order', { number: '45-к', date: '2026-09-10' }));
    await ok(clients.mentor.step(pair, 'program', {
      date: '2026-09-18',
      activities: [
        { kind: 'workplace-intro', title: 'Знакомство с группой, рабочим местом и коллективом', due: '2026-09-30' },
        { kind: 'duties-intro', title: 'Изучение должностной инструкции и ФОП ДО', due: '2026-10-15' },
        { kind: 'theory', title: 'Планирование образовательной деятельности на неделю', due: '2026-11-30' },
        { kind: 'practical-task', title: 'Открытое занятие для родителей', due: '2027-03-15' },
      ],
    }));
    await ok(clients.mentee.step(pair, 'acknowledge', { date: '2026-09-19' }));
    await ok(clients.mentee.step(pair, 'request-replacement', { date: '2026-10-01', reason: 'mentee-request', note: 'несовпадение графиков работы' }));
    await ok(head.step(pair, 'replace', { date: '2026-10-05', reason: 'mentee-request', newMentorId: ids.newMentor, newMentorConsentRef: 'Согласие № 20', orderNumber: '51-к' }));

    group = (await ok(curator.post('/api/mentorships', { mentorId: ids.groupMentor, menteeIds: [ids.smith, ids.nguyen], form: 'group', topic: 'Физическое развитие дошкольников', plannedStart: '2026-09-15', plannedEnd: '2027-05-31', date: '2026-09-05' }))).id;
    for (const who of ['groupMentor', 'smith', 'nguyen']) await ok(curator.step(group, 'consent', { personId: ids[who], given: true, date: '2026-09-08', documentRef: `Согласие ${who === 'groupMentor' ? '№ 14' : who === 'smith' ? '№ 15' : '№ 16'}` }));
    await ok(head.step(group, 'order', { number: '46-к', date: '2026-09-10' }));
  }, 120_000);
  afterAll(() => app.close());

  it('the order fixing a pair: the organisation\'s details, the mentor in the dative, the head\'s and the curator\'s names', async () => {
    const d = await open('pairs-order', pair, 'pairs-order');
    readable(d.text);
    expect(d.text).toContain(DETAILS.fullName);
    expect(d.text).toContain(DETAILS.address);
    expect(d.text).toContain('«10» сентября 2026 г.\t№ 45-к');
    expect(d.text).toContain('Наставнику (Петровой-Водкиной М. К.) в срок до 20.09.2026 составить персонализированную программу');
    expect(d.text).toContain('Контроль за исполнением приказа возложить на куратора реализации программ наставничества Кузнецову О. Н.');
    expect(d.text).toContain('Заведующий\t____________ / Савельева Л. М. /');
    // One page: fixed column widths, rows that do not split, the basis kept with the signature.
    expect(d.xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(d.xml).toContain('<w:cantSplit/>');
    const basis = d.xml.slice(d.xml.lastIndexOf('<w:p>', d.xml.indexOf('Основание: письменные согласия')), d.xml.indexOf('Основание: письменные согласия'));
    expect(basis).toContain('<w:keepNext/>');
  });

  it('the consent: addressed to the head in the dative, «от» the person in the genitive', async () => {
    const d = await open('mentee-consent', pair, 'mentee-consent', ids.mentee);
    readable(d.text);
    for (const line of ['Заведующему МКДОУ ДС № 6 «Рябинушка»', 'Савельевой Л. М.', 'от Морозовой Алины Игоревны', 'должность: воспитатель',
      'Я, Морозова Алина Игоревна, добровольно даю согласие', 'Дата: «08» сентября 2026 г.']) expect(d.text).toContain(line);
    expect(d.html).toContain('от Морозовой Алины Игоревны');
  });

  it('the replacement order: «Освободить Петрову-Водкину …», «Назначить наставником Фёдорову Галину Павловну»', async () => {
    const d = await open('replacement-order', pair, 'replacement-order');
    readable(d.text);
    expect(d.text).toContain('Освободить Петрову-Водкину Марию Кузьминичну (должность — старший воспитатель) от обязанностей наставника с 05.10.2026');
    expect(d.text).toContain('Назначить наставником Фёдорову Галину Павловну (должность — воспитатель) с 05.10.2026 с письменного согласия (Согласие № 20)');
  });

  it('the personalised program (§3.6): activities with due dates, mentor and mentee, the acknowledgement line', async () => {
    const d = await open('program', pair, 'program');
    readable(d.text);
    for (const line of ['Персонализированная программа наставничества', 'Наставник: Петрова-Водкина Мария Кузьминична, старший воспитатель.',
      'Наставляемый: Морозова Алина Игоревна, воспитатель.', 'наставничество установлено приказом № 45-к от 10.09.2026',
      'Открытое занятие для родителей', '15.03.2027', 'Выполнение практических заданий', 'Программа составлена: «18» сентября 2026 г.',
      'С программой ознакомлена (п. 3.6):', 'Морозова Алина Игоревна']) expect(d.text).toContain(line);
    expect(d.text).toContain('Куратор\t____________ / Кузнецова О. Н. /');
  });

  it('names that do not decline keep the nominative in a layout that reads: «Наставнику (Алиеву Р. Г.)», the foreign mentees as written', async () => {
    const d = await open('group-order', group, 'pairs-order');
    readable(d.text);
    expect(d.text).toContain('Наставнику (Алиеву Р. Г.) в срок до 20.09.2026');
    expect(d.text).toContain('Смит Джон, музыкальный руководитель');
    expect(d.text).toContain('Nguyen Van An, воспитатель');
    const consent = await open('foreign-consent', group, 'mentee-consent', ids.smith);
    readable(consent.text);
    expect(consent.text).toContain('от сотрудника: Смит Джон');
    expect(consent.text).toContain('Я, Смит Джон, добровольно даю согласие');
  });
});
