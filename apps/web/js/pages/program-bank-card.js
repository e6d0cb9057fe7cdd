import { api, ApiError } from '../api.js';
import { announce, h, put } from '../dom.js';
import { go } from '../router.js';
import { problemView } from '../problem-view.js';
import { app } from '../session.js';
import { empty, section } from '../widgets.js';

/** An offered template as an editable program: titles and dates may change before it is recorded. */
function offerForm(m, offer, area) {
  const rows = offer.draft.body.activities.map((a) => ({
    a, title: h('input', { type: 'text', value: a.title, maxlength: 500, 'aria-label': 'Мероприятие' }), due: h('input', { type: 'date', value: a.due, 'aria-label': 'Срок' }),
  }));
  const day = h('input', { type: 'date', value: offer.draft.body.date, 'aria-label': 'Дата программы' });
  const out = h('div');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Записать программу');
  const form = h('form', {
    class: 'schema-form',
    on: {
      submit: async (e) => {
        e.preventDefault();
        submit.disabled = true;
        const body = { date: day.value, activities: rows.map((r) => ({ kind: r.a.kind, title: r.title.value.trim(), due: r.due.value })) };
        try {
          await api(`/api/mentorships/${encodeURIComponent(m.id)}/steps/program`, { method: 'POST', body, headers: { 'If-Match': `"${m.revision}"` } });
          announce('Программа записана.');
          go(`#/mentorships/${m.id}`);
          window.dispatchEvent(new Event('refresh'));
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          put(out, problemView(err.problem));
          submit.disabled = false;
        }
      },
    },
  },
  h('div', { class: 'field' }, h('label', {}, 'Дата программы ', day)),
  h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Вид'), h('th', { scope: 'col' }, 'Мероприятие'), h('th', { scope: 'col' }, 'Срок'))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, offer.activities.find((x) => x.kind === r.a.kind)?.kindTitle ?? r.a.kind), h('td', {}, r.title), h('td', {}, r.due)))))),
  offer.draft.warnings.length ? h('ul', { class: 'warnings' }, offer.draft.warnings.map((w) => h('li', {}, w.message))) : null,
  out, submit);
  put(area, form);
}

async function offers(m) {
  const r = await api(`/api/mentorships/${encodeURIComponent(m.id)}/program-templates`);
  if (!r.items.length) return empty('В банке программ пока нет подходящих программ.');
  const area = h('div');
  return [
    h('p', { class: 'muted' }, 'Программы завершённых наставничеств (п. 3.4); сроки пересчитаны от планового начала этого наставничества.'),
    h('ul', { class: 'document-list' }, r.items.map((o) => h('li', {},
      h('strong', {}, o.title), o.bestCase ? ' ★ лучший кейс' : '', h('br'),
      h('span', { class: 'muted' }, `${o.formTitle}${o.sameForm ? ' (та же форма)' : ''} · мероприятий: ${o.activities.length} · ${o.durationDays} дн.`), ' ',
      h('button', { type: 'button', class: 'secondary small', on: { click: () => offerForm(m, o, area) } }, 'Составить по этой программе')))),
    area,
  ];
}

/** Curator or methodist: the completed program into the bank; curator: the mentorship as a best case for the website (§8.1). */
function keep(m) {
  const roles = app.session.roles;
  const out = h('div', { role: 'status' });
  const run = async (path, body, done) => {
    try {
      await api(path, { method: 'POST', body });
      put(out, h('p', { class: 'success' }, done));
      announce(done);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      put(out, problemView(e.problem));
    }
  };
  const title = h('input', { type: 'text', maxlength: 300, value: m.topic, 'aria-label': 'Заголовок кейса' });
  const summary = h('textarea', { rows: 3, maxlength: 20000, 'aria-label': 'Описание успешного опыта' });
  return [
    roles.some((r) => r === 'curator' || r === 'methodist')
      ? h('p', {}, h('button', { type: 'button', class: 'secondary', on: { click: () => run('/api/program-templates', { mentorshipId: m.id, date: app.session.today }, 'Программа сохранена в банк программ.') } }, 'Сохранить программу в банк'))
      : null,
    roles.includes('curator')
      ? h('details', {}, h('summary', {}, 'Отметить как лучший кейс для сайта (п. 8.1)'),
        h('div', { class: 'field' }, h('label', {}, 'Заголовок ', title)),
        h('div', { class: 'field' }, h('label', {}, 'Описание успешного опыта ', summary)),
        h('button', { type: 'button', class: 'primary', on: { click: () => run('/api/best-cases', { mentorshipId: m.id, title: title.value, summary: summary.value, date: app.session.today }, 'Отмечено как лучший кейс.') } }, 'Отметить'))
      : null,
    out,
  ];
}

/** The program bank on a mentorship's page: offers while the mentor drafts, keeping once completed. */
export function programBankCard(m) {
  if (m.availableSteps.some((s) => s.step === 'program')) return section('Программы из банка', () => offers(m), { id: 'bank-h', className: 'wide' });
  const roles = app.session.roles;
  if (m.state === 'completed' && roles.some((r) => r === 'curator' || r === 'methodist')) return section('Банк программ и лучшие кейсы', async () => keep(m), { id: 'bank-h' });
  return null;
}
