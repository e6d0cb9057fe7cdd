import { api, optional } from '../api.js';
import { add, h, put } from '../dom.js';
import { capitalize, date } from '../format.js';
import { barChart } from '../charts.js';
import { app, demoAccounts, vocabulary } from '../session.js';
import { go } from '../router.js';
import { deadlineItem, empty, loadMeter, section, stateBadge } from '../widgets.js';
import { problemView } from '../problem-view.js';
import { roadmapSection } from './roadmap-card.js';
import { remindersSection } from './reminders-card.js';

async function tasks() {
  const s = app.session;
  const actions = [
    s.can.propose && h('a', { class: 'button primary', href: '#/mentorships/new' }, 'Предложить наставничество'),
    s.can.managePeople && h('a', { class: 'button secondary', href: '#/people' }, 'Зарегистрировать сотрудников'),
    s.can.createUsers && h('a', { class: 'button secondary', href: '#/users' }, 'Выдать доступ пользователям'),
  ].filter(Boolean);
  const { items, truncated } = await api('/api/tasks');
  return [
    actions.length ? h('p', { class: 'actions' }, actions) : null,
    items.length
      ? h('ul', { class: 'task-list' }, items.map((t) => h('li', { class: 'task' },
        h('div', { class: 'task-head' },
          h('a', { href: `#/mentorships/${t.id}` }, t.topic), ' ', stateBadge(t.state, t.stateTitle),
          t.overdue ? h('span', { class: 'flag flag-overdue' }, 'есть просрочка') : null),
        h('p', { class: 'muted' }, [t.mentor, t.mentees.filter(Boolean).join(', ')].filter(Boolean).join(' → ')),
        h('ul', { class: 'step-chips', 'aria-label': 'Доступные шаги' }, t.steps.map((st) =>
          h('li', {}, h('a', { class: 'button small', href: `#/mentorships/${t.id}?step=${st.step}` }, st.title)))))))
      : empty('Сейчас нет шагов, которые ждут вас.'),
    truncated ? h('p', { class: 'muted' }, 'Показаны первые 100 наставничеств.') : null,
  ];
}

async function byState() {
  const v = await vocabulary();
  const states = Object.entries(v.enums.state);
  const totals = await Promise.all(states.map(([state]) => api('/api/mentorships', { query: { state, pageSize: 1 } }).then((r) => r.total)));
  const all = totals.reduce((a, b) => a + b, 0);
  if (all === 0) return empty('Наставничеств пока нет.');
  return barChart({
    title: `Всего наставничеств: ${all}`,
    items: states.map(([state, title], i) => ({ label: title, value: totals[i], class: `state-${state}`, href: totals[i] ? `#/mentorships?state=${state}` : undefined })),
  });
}

async function deadlines() {
  const r = await api('/api/deadlines', { query: { within: '14d' } });
  if (r.items.length === 0) return empty('В ближайшие 14 дней сроков нет, просроченных нет.');
  const link = (d) => (d.mentorshipId ? h('a', { href: `#/mentorships/${d.mentorshipId}` }, d.topic) : h('a', { href: '#/people' }, 'банк наставляемых'));
  return [
    h('p', {}, h('strong', { class: r.overdue ? 'danger-text' : '' }, `Просрочено: ${r.overdue}`), ` · предстоит до ${date(r.horizon)}: ${r.upcoming}`),
    h('ul', { class: 'deadline-list' }, r.items.map((d) => deadlineItem(d, { link: link(d) }))),
  ];
}

async function loads() {
  const s = app.session;
  if (!s.can.readStaff) {
    const l = await api(`/api/mentors/${encodeURIComponent(s.personId)}/load`);
    return h('p', {}, 'Ваша нагрузка: ', loadMeter(l.current, l.limit), ' (п. 3.7: не больше трёх наставляемых одновременно)');
  }
  const { items } = await api('/api/banks/mentors');
  if (!items.length) return empty('В базе наставников пока никого нет.');
  return [
    h('p', { class: 'muted' }, 'П. 3.7 Положения: наставник одновременно ведёт не больше трёх наставляемых.'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Наставник'), h('th', { scope: 'col' }, 'Нагрузка'))),
      h('tbody', {}, items.map((m) => h('tr', {}, h('th', { scope: 'row' }, m.fullName, h('br'), h('span', { class: 'muted' }, m.position)), h('td', {}, loadMeter(m.load.current, m.load.limit))))))),
  ];
}

async function demo() {
  const status = await optional('/api/demo');
  if (!status?.available) return null;
  const out = h('div');
  const button = h('button', { type: 'button', class: 'primary', on: { click: load } }, 'Загрузить демонстрационный детский сад');
  async function load() {
    button.disabled = true;
    button.textContent = 'Загружается…';
    try {
      const r = await api('/api/demo', { method: 'POST' });
      demoAccounts.save(r.accounts);
      go('#/');
      window.dispatchEvent(new Event('refresh'));
    } catch (e) {
      put(out, problemView(e.problem));
      button.disabled = false;
    }
  }
  return section('Демонстрационные данные', async () => [
    h('p', {}, 'Хранилище пусто. Можно загрузить пример: 8 сотрудников, банки, 4 наставничества на разных этапах и пользователей для каждой роли. Их токены сохранятся в этой вкладке — переключаться между ролями можно кнопкой «Сменить роль».'),
    button, out,
  ], { id: 'demo-h', className: 'wide highlight' });
}

export async function render(main) {
  const s = app.session;
  const who = s.personName ? `${s.personName} (${s.roleTitles.join(', ')})` : `${s.name} (${s.roleTitles.join(', ')})`;
  const sections = await Promise.all([
    demo(),
    section('Что можно сделать сейчас', tasks, { id: 'tasks-h', className: 'wide' }),
    s.can.readStaff ? section('Наставничества по состояниям', byState, { id: 'states-h' }) : null,
    section('Сроки: ближайшие 14 дней и просроченные', deadlines, { id: 'deadlines-h' }),
    remindersSection(),
    s.can.readStaff || s.roles.includes('mentor') ? section('Нагрузка наставников', loads, { id: 'loads-h' }) : null,
    roadmapSection(),
  ]);
  add(main,
    h('h1', {}, 'Обзор'),
    h('p', { class: 'lead' }, `${capitalize(who)}. Сегодня ${date(s.today)}.`),
    h('div', { class: 'grid' }, sections.filter(Boolean)),
  );
}
