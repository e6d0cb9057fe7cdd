import { h } from '../dom.js';
import { activityNo, date } from '../format.js';
import { clauseTag, deadlineItem, empty } from '../widgets.js';

function person(p, role) {
  return h('li', {}, h('strong', {}, p.fullName ?? p.personId), ` — ${role}`, p.position ? `, ${p.position.toLowerCase()}` : '',
    p.firstWorkingDay && role === 'наставляемый' ? h('span', { class: 'muted' }, ` (допущен(а) к работе ${date(p.firstWorkingDay)})`) : null);
}

export function peopleCard(m) {
  const name = new Map([m.mentor, ...m.mentees].map((p) => [p.personId, p.fullName ?? p.personId]));
  return h('section', { class: 'card', 'aria-labelledby': 'people-h' },
    h('h2', { id: 'people-h' }, 'Участники'),
    h('ul', { class: 'plain' }, person(m.mentor, 'наставник'), m.mentees.map((x) => person(x, 'наставляемый'))),
    h('h3', {}, 'Письменные согласия ', clauseTag('§3.7')),
    m.consents.length
      ? h('ul', { class: 'plain' }, m.consents.map((c) => h('li', {}, `${name.get(c.personId)}: `, h('span', { class: c.given ? 'ok-text' : 'danger-text' }, c.given ? 'согласие' : 'отказ'), ` от ${date(c.date)} — ${c.documentRef}`)))
      : empty('Согласия ещё не записаны.'));
}

/** «№ ДС-45 от 14.09.2026, доплата 10 % оклада»: the supplementary agreement recorded with the order. */
function agreementText(a) {
  const pay = a.pay === 'amount' ? `доплата ${a.amount} руб. в месяц` : a.pay === 'percent' ? `доплата ${a.percent} % оклада` : 'без доплаты';
  return `№ ${a.number} от ${date(a.date)}, ${pay}`;
}

/** An early end by written notice (ТК РФ ст. 351.8), in words. */
function earlyEndText(e, v) {
  const who = (v.enums.noticeParty?.[e.noticeBy] ?? e.noticeBy).split(' (')[0].toLowerCase();
  return `досрочно по письменному уведомлению (${who}) от ${date(e.noticeDate)}, ТК РФ ст. 351.8`;
}

export function datesCard(m, v) {
  const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  return h('section', { class: 'card', 'aria-labelledby': 'dates-h' },
    h('h2', { id: 'dates-h' }, 'Форма, сроки и документы'),
    h('dl', { class: 'facts' },
      row('Форма', m.formTitle),
      row('Плановый срок', `${date(m.plannedStart)} – ${date(m.plannedEnd)}`),
      row('Приказ о закреплении', m.order ? `№ ${m.order.number} от ${date(m.order.date)}` : 'ещё не издан'),
      row('Доп. соглашение (ТК РФ ст. 351.8)', m.order?.agreement ? agreementText(m.order.agreement) : null),
      m.extensions.map((x) => row('Продление', `с ${date(x.previousEnd)} до ${date(x.plannedEnd)} (решение от ${date(x.date)})`)),
      row('Завершение', m.completion ? `${date(m.completion.date)} — ${m.completion.earlyEnd ? earlyEndText(m.completion.earlyEnd, v) : v.enums.completionReason[m.completion.reason] ?? m.completion.reason}${m.completion.note ? `. ${m.completion.note}` : ''}` : null),
      m.replacementRequests.map((r) => row('Запрос замены', `${date(r.date)} — ${v.enums.replacementReason[r.reason] ?? r.reason}${r.note ? `. ${r.note}` : ''}`)),
      row('Замена наставника', m.replacement ? `${date(m.replacement.date)}, приказ № ${m.replacement.orderNumber} — ${v.enums.replacementReason[m.replacement.reason] ?? m.replacement.reason}` : null),
      row('Отозвано', m.withdrawal ? `${date(m.withdrawal.date)} — ${m.withdrawal.reason}` : null),
      row('Последний шаг', date(m.lastStepDate)),
    ),
    m.predecessorId ? h('p', {}, 'Продолжает ', h('a', { href: `#/mentorships/${m.predecessorId}` }, 'предыдущее наставничество')) : null,
    m.successorId ? h('p', {}, 'Продолжено в ', h('a', { href: `#/mentorships/${m.successorId}` }, 'новом наставничестве')) : null);
}

export function deadlinesCard(m) {
  return h('section', { class: 'card', 'aria-labelledby': 'deadlines-h' },
    h('h2', { id: 'deadlines-h' }, 'Сроки и предупреждения'),
    m.warnings.length
      ? h('ul', { class: 'warnings' }, m.warnings.map((w) => h('li', { class: 'warning' }, h('strong', {}, 'Внимание: '), w.message, ' ', clauseTag(w.clause))))
      : null,
    m.deadlines.length ? h('ul', { class: 'deadline-list' }, m.deadlines.map((d) => deadlineItem({ ...d, fullName: d.personId ? nameOf(m, d.personId) : undefined }))) : empty('Сроков Положения пока нет.'));
}

const nameOf = (m, id) => [m.mentor, ...m.mentees].find((p) => p.personId === id)?.fullName;

export function programCard(m, v) {
  const p = m.program;
  const acks = Object.entries(m.acknowledgements ?? {});
  return h('section', { class: 'card wide', 'aria-labelledby': 'program-h' },
    h('h2', { id: 'program-h' }, 'Персонализированная программа ', clauseTag('§3.6')),
    !p ? empty('Программа ещё не составлена.') : [
      h('p', { class: 'muted' }, `Составлена ${date(p.draftedOn)}${p.amendedOn ? `, скорректирована ${date(p.amendedOn)}` : ''}.`,
        acks.length ? ` Ознакомились: ${acks.map(([id, d]) => `${nameOf(m, id)} (${date(d)})`).join(', ')}.` : ' С программой ещё не ознакомились.'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['№', 'Вид мероприятия', 'Мероприятие', 'Срок', 'Выполнено'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, p.activities.map((a) => h('tr', {},
          h('td', {}, activityNo(a.id)), h('td', {}, v.enums.activityKind[a.kind] ?? a.kind), h('th', { scope: 'row' }, a.title), h('td', {}, date(a.due)),
          h('td', {}, a.doneOn ? h('span', { class: 'ok-text' }, `✓ ${date(a.doneOn)}`) : h('span', { class: 'muted' }, 'нет'))))))),
    ]);
}

export function resultsCard(m) {
  const reports = Object.entries(m.menteeReports ?? {});
  if (!m.completion) return null;
  return h('section', { class: 'card wide', 'aria-labelledby': 'results-h' },
    h('h2', { id: 'results-h' }, 'Отчёты и итоги'),
    h('h3', {}, 'Отчёт наставника'),
    m.mentorReport ? [h('p', {}, m.mentorReport.text), h('p', {}, h('strong', {}, 'Рекомендации: '), m.mentorReport.recommendations), h('p', { class: 'muted' }, date(m.mentorReport.date))] : empty('Не сдан.'),
    h('h3', {}, 'Отчёты наставляемых'),
    reports.length ? h('ul', { class: 'plain' }, reports.map(([id, r]) => h('li', {}, h('strong', {}, nameOf(m, id)), ` (${date(r.date)}): ${r.text} Оценка наставника: ${r.mentorEvaluation} из 5.`))) : empty('Не сданы.'),
    h('h3', {}, 'Публикация на сайте ', clauseTag('§8.2')),
    m.publication ? h('p', {}, `${date(m.publication.date)}: ${m.publication.summary}`) : empty('Итоги ещё не опубликованы.'));
}

