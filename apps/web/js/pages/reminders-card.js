import { optional } from '../api.js';
import { h } from '../dom.js';
import { date } from '../format.js';
import { clauseTag, empty, section } from '../widgets.js';

const FLAG = { before: ['flag-upcoming', 'напоминание'], escalation: ['flag-overdue', 'срок пропущен'] };

function item(r) {
  const [cls, text] = r.resolved ? ['flag-met', 'выполнено'] : FLAG[r.type];
  return h('li', { class: ['deadline', r.resolved && 'status-met'] },
    h('span', { class: ['flag', cls] }, text),
    h('span', { class: 'deadline-text' },
      h('strong', {}, r.title), ' ', clauseTag(r.clause), h('br'),
      `до ${date(r.due)}${r.remaining ? ` — ${r.remaining}` : ''}`,
      r.mentorshipId ? [' · ', h('a', { href: `#/mentorships/${r.mentorshipId}` }, r.topic ?? 'наставничество')] : [' · ', h('a', { href: '#/people' }, 'банк наставляемых')],
      h('br'), h('span', { class: 'muted' }, `${r.typeTitle} от ${date(r.date)}; эл. почта: ${r.emailTitle}`)));
}

/** The caller's reminders and escalations of the regulation's deadlines (GET /api/reminders). */
export function remindersSection() {
  return section('Напоминания о сроках', async () => {
    const r = await optional('/api/reminders');
    if (!r) return empty('Напоминания на этом сервере не включены.');
    if (!r.items.length) return empty('Напоминаний нет: сроки, которые касаются вас, ещё не подошли.');
    return [
      h('p', {}, h('strong', { class: r.open ? 'danger-text' : '' }, `Требуют внимания: ${r.open}`), ` · всего ${r.items.length}`),
      h('ul', { class: 'deadline-list' }, r.items.slice(0, 20).map(item)),
    ];
  }, { id: 'reminders-h' });
}
