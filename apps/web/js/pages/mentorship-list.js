import { api } from '../api.js';
import { add, h, uid } from '../dom.js';
import { date } from '../format.js';
import { go } from '../router.js';
import { app, vocabulary } from '../session.js';
import { empty, stateBadge } from '../widgets.js';

const PAGE_SIZE = 20;

function select(label, name, value, choices) {
  const id = uid('f');
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, 'все'), Object.entries(choices).map(([v, t]) => h('option', { value: v, selected: v === value }, t))));
}

export async function render(main, { query }) {
  const v = await vocabulary();
  const page = Number(query.get('page') || 1);
  const filters = { state: query.get('state') || '', form: query.get('form') || '', overdue: query.get('overdue') || '' };
  const r = await api('/api/mentorships', { query: { ...filters, page, pageSize: PAGE_SIZE } });
  const overdueId = uid('f');
  const form = h('form', { class: 'filters', on: { submit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const q = new URLSearchParams([...data].filter(([, value]) => value));
    go(`#/mentorships${q.size ? `?${q}` : ''}`);
  } } },
  select('Состояние', 'state', filters.state, v.enums.state),
  select('Форма', 'form', filters.form, v.enums.form),
  h('div', { class: 'field check' }, h('input', { type: 'checkbox', id: overdueId, name: 'overdue', value: 'true', checked: filters.overdue === 'true' }), h('label', { for: overdueId }, 'Только с просрочкой')),
  h('button', { type: 'submit', class: 'secondary' }, 'Показать'));
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const link = (p) => {
    const q = new URLSearchParams(Object.entries({ ...filters, page: String(p) }).filter(([, x]) => x));
    return `#/mentorships?${q}`;
  };
  add(main,
    h('div', { class: 'page-head' },
      h('h1', {}, 'Наставничества'),
      app.session.can.propose ? h('a', { class: 'button primary', href: '#/mentorships/new' }, 'Предложить наставничество') : null),
    form,
    r.items.length === 0 ? empty('Ничего не найдено.') : h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, `Наставничества: ${r.total}`),
      h('thead', {}, h('tr', {}, ['Тема', 'Наставник', 'Наставляемые', 'Форма', 'Состояние', 'Сроки', 'Последний шаг'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, r.items.map((m) => h('tr', { class: m.overdue ? 'overdue' : '' },
        h('th', { scope: 'row' }, h('a', { href: `#/mentorships/${m.id}` }, m.topic)),
        h('td', {}, m.mentor.fullName ?? '—'),
        h('td', {}, m.mentees.map((x) => x.fullName ?? '—').join(', ')),
        h('td', {}, m.formTitle),
        h('td', {}, stateBadge(m.state, m.stateTitle)),
        h('td', {}, `${date(m.plannedStart)} – ${date(m.plannedEnd)}`, m.overdue ? [h('br'), h('span', { class: 'flag flag-overdue' }, 'просрочено')] : null),
        h('td', {}, m.lastStep ? `${m.lastStep.title}${m.lastStep.date ? `, ${date(m.lastStep.date)}` : ''}` : '—')))))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Страницы' },
      page > 1 ? h('a', { href: link(page - 1) }, '← Назад') : null,
      h('span', {}, `Страница ${page} из ${pages} (всего ${r.total})`),
      page < pages ? h('a', { href: link(page + 1) }, 'Вперёд →') : null) : h('p', { class: 'muted' }, `Всего: ${r.total}`),
  );
}
