import { ApiError, optional, token } from '../api.js';
import { announce, h, put } from '../dom.js';
import { date } from '../format.js';
import { problemView } from '../problem-view.js';
import { openPrintView } from '../print-view.js';
import { clauseTag, empty, section } from '../widgets.js';

const STEP_TITLES = {
  ConsentRecorded: 'согласие записано', OrderIssued: 'приказ издан', MentorReplaced: 'приказ о замене издан',
  ProgramDrafted: 'программа составлена', ProgramAmended: 'программа скорректирована',
  MentorReportSubmitted: 'отчёт представлен', MenteeReportSubmitted: 'отчёт представлен', MentorshipContinued: 'продолжение после замены',
};

/** Saves a generated document under the Russian name the server gives it (RFC 6266 `filename*`). */
async function save(href, status) {
  const res = await fetch(href, { headers: { Authorization: `Bearer ${token.get()}` }, cache: 'no-store' });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({ detail: res.statusText })));
  const header = res.headers.get('content-disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  const name = star ? decodeURIComponent(star) : /filename="([^"]+)"/.exec(header)?.[1] ?? 'document';
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await res.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  put(status, `Сохранён файл «${name}».`);
  announce(status.textContent);
}

function row(d, names) {
  const status = h('span', { class: 'muted', role: 'status' });
  const failed = (e) => put(status, e instanceof ApiError ? problemView(e.problem) : String(e));
  const button = (label, run) => h('button', { type: 'button', class: 'secondary small', on: { click: () => run().catch(failed) } }, label);
  const step = d.step.revision === null ? 'проект: шаг ещё не записан' : `${STEP_TITLES[d.step.event] ?? 'документ'} от ${date(d.step.date)}`;
  const attached = d.attachments.length ? ' · сохранён при записи шага' : '';
  return h('li', { class: 'document' },
    h('strong', {}, d.title), d.personId && names[d.personId] ? ` — ${names[d.personId]}` : '', ' ', clauseTag(d.clause), h('br'),
    h('span', { class: 'muted' }, d.available ? `${step}${attached}` : d.note),
    d.links ? h('div', { class: 'actions' },
      button('Для печати', () => openPrintView(d.links.html)), ' ',
      button('Скачать DOCX', () => save(d.links.docx, status)), ' ', status) : null);
}

/** The regulation's documents of this mentorship, drafts and final ones, with the step each is attached to. */
export function documentsCard(m) {
  const names = Object.fromEntries([m.mentor, ...m.mentees].map((p) => [p.personId, p.fullName]));
  return section('Документы', async () => {
    const r = await optional(`/api/mentorships/${encodeURIComponent(m.id)}/documents`);
    if (!r) return empty('Документы на этом сервере недоступны.');
    return h('ul', { class: 'document-list' }, r.items.map((d) => row(d, names)));
  }, { id: 'documents-h', className: 'wide' });
}

/** The documents attached to each step, by the step's revision: the history shows them beside the step. */
export async function attachedByRevision(mentorshipId) {
  const r = await optional(`/api/mentorships/${encodeURIComponent(mentorshipId)}/documents`);
  const byRevision = new Map();
  for (const d of r?.items ?? []) {
    for (const a of d.attachments) byRevision.set(a.step.revision, [...(byRevision.get(a.step.revision) ?? []), a]);
  }
  return byRevision;
}

export function attachedLine(list) {
  if (!list?.length) return null;
  return h('p', {}, 'Сформировано: ', list.map((a) => `«${a.fileName}»`).join('; '));
}
