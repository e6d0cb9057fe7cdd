import { ApiError } from './api.js';
import { add, h } from './dom.js';
import { clause, date, days } from './format.js';
import { problemView } from './problem-view.js';

/** A titled section whose content loads on its own; a refusal shows inside it, not over the page. */
export async function section(title, load, { id, className } = {}) {
  const body = h('div', { class: 'section-body' });
  const el = h('section', { class: ['card', className], 'aria-labelledby': id }, h('h2', { id }, title), body);
  try {
    const content = await load();
    add(body, ...[content].flat().filter(Boolean));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    add(body, problemView(e.problem, { heading: 'Раздел недоступен' }));
  }
  return el;
}

/** One figure of a report: the number large, its label under it, and a note if any. */
export function figure(label, value, note) {
  return h('div', { class: 'figure' }, h('span', { class: 'figure-value' }, String(value ?? '—')), h('span', { class: 'figure-label' }, label), note ? h('span', { class: 'muted' }, note) : null);
}

export function stateBadge(state, title) {
  return h('span', { class: ['badge', `state-${state}`] }, title);
}

export function clauseTag(ref) {
  return ref ? h('span', { class: 'clause', title: clause(ref) }, ref) : null;
}

const STATUS_TEXT = { upcoming: 'предстоит', met: 'в срок', late: 'с опозданием', overdue: 'просрочено' };

/** One deadline of the regulation: what, by when, how it stands, and the clause. */
export function deadlineItem(d, { link } = {}) {
  const how = d.status === 'overdue' ? `просрочено на ${days(d.daysLate)}`
    : d.status === 'late' ? `выполнено ${date(d.doneOn)}, опоздание ${days(d.daysLate)}`
      : d.status === 'met' ? `выполнено ${date(d.doneOn)}`
        : d.daysLeft !== undefined ? (d.daysLeft === 0 ? 'срок сегодня' : `осталось ${days(d.daysLeft)}`) : 'предстоит';
  return h('li', { class: ['deadline', `status-${d.status}`] },
    h('span', { class: ['flag', `flag-${d.status}`] }, STATUS_TEXT[d.status] ?? d.status),
    h('span', { class: 'deadline-text' },
      h('strong', {}, d.title), ' ', clauseTag(d.clause),
      h('br'),
      `до ${date(d.due)} — ${how}`,
      d.fullName ? ` · ${d.fullName}` : '',
      link ? [' · ', link] : null),
  );
}

/** Mentees against the limit of three (§3.7), as a meter with words. */
export function loadMeter(current, limit) {
  const full = current >= limit;
  return h('span', { class: ['load', full && 'full'] },
    h('meter', { min: 0, max: limit, low: limit - 0.5, high: limit - 0.1, optimum: 0, value: current, 'aria-label': `Нагрузка: ${current} из ${limit}` }),
    ` ${current} из ${limit}`);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}
