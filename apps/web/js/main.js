import { ApiError, token } from './api.js';
import { h, put } from './dom.js';
import { capitalize } from './format.js';
import { problemView } from './problem-view.js';
import { currentRoute, go, match } from './router.js';
import { app, demoAccounts, loadSession, signIn, signOut } from './session.js';
import * as audit from './pages/audit.js';
import * as dashboard from './pages/dashboard.js';
import * as lifecyclePage from './pages/lifecycle.js';
import * as mentorship from './pages/mentorship.js';
import * as mentorships from './pages/mentorship-list.js';
import * as monitoring from './pages/monitoring.js';
import * as organisation from './pages/organisation.js';
import * as people from './pages/people.js';
import * as propose from './pages/propose.js';
import * as region from './pages/region.js';
import * as signInPage from './pages/sign-in.js';
import * as users from './pages/users.js';

const ROUTES = [
  ['/', dashboard],
  ['/mentorships', mentorships],
  ['/mentorships/new', propose],
  ['/mentorships/:id', mentorship],
  ['/mentorships/:id/audit', audit],
  ['/lifecycle', lifecyclePage],
  ['/monitoring', monitoring],
  ['/people', people],
  ['/users', users],
  ['/organisation', organisation],
  ['/region', region],
];

/** A coordinator belongs to no organisation: its page is the roll-up of its territory's organisations. */
const COORDINATOR_ROUTES = [['/', region], ['/region', region]];

function nav(path) {
  const can = app.session?.can ?? {};
  if (app.session?.region === 'coordinator') {
    return put(document.getElementById('nav'), h('ul', {}, h('li', {}, h('a', { href: '#/region', 'aria-current': 'page' }, 'Организации муниципалитета'))));
  }
  const items = [
    ['#/', 'Обзор', true],
    ['#/mentorships', 'Наставничества', true],
    ['#/people', 'Сотрудники и банки', can.readStaff],
    ['#/monitoring', 'Мониторинг', can.readReports],
    ['#/lifecycle', 'Жизненный цикл', true],
    ['#/users', 'Пользователи', can.createUsers],
    ['#/organisation', 'Организация', true],
  ].filter(([, , shown]) => shown && app.session);
  const active = (href) => {
    const target = href.slice(1);
    return target === '/' ? path === '/' : path === target || path.startsWith(`${target}/`);
  };
  put(document.getElementById('nav'),
    h('ul', {}, items.map(([href, text]) => h('li', {}, h('a', { href, 'aria-current': active(href) ? 'page' : undefined }, text)))),
  );
}

function userArea() {
  const el = document.getElementById('user');
  const s = app.session;
  if (!s) return put(el);
  const others = demoAccounts.list().filter((a) => a.token !== token.get());
  put(el,
    h('span', { class: 'user-name' }, s.personName ?? s.name),
    s.roleTitles.map(capitalize).join(', ') === (s.personName ?? s.name) ? null : h('span', { class: 'user-roles' }, s.roleTitles.map(capitalize).join(', ')),
    others.length
      ? h('details', { class: 'switch-user' },
        h('summary', {}, 'Сменить роль'),
        h('ul', {}, others.map((a) => h('li', {}, h('button', { type: 'button', class: 'link', on: { click: () => switchTo(a.token) } }, a.title)))))
      : null,
    h('button', { type: 'button', class: 'secondary small', on: { click: () => { signOut(); go('#/sign-in'); } } }, 'Выйти'),
  );
}

async function switchTo(value) {
  await signIn(value);
  go('#/');
}

let rendering = 0;
async function render() {
  const main = document.getElementById('main');
  const { path, query } = currentRoute();
  const ticket = ++rendering;
  if (path === '/sign-in' || !token.get()) {
    app.session = null;
    nav(path);
    userArea();
    put(main);
    await signInPage.render(main, { query });
    return;
  }
  try {
    if (!app.session) await loadSession();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      signOut();
      return go('#/sign-in');
    }
    put(main, problemView(e.problem));
    return;
  }
  nav(path);
  userArea();
  const found = match(app.session.region === 'coordinator' ? COORDINATOR_ROUTES : ROUTES, path);
  put(main, h('p', { class: 'loading' }, 'Загрузка…'));
  main.setAttribute('aria-busy', 'true');
  try {
    const content = h('div', { class: 'page' });
    if (!found) content.append(h('h1', {}, 'Страница не найдена'), h('p', {}, h('a', { href: '#/' }, 'На главную')));
    else await found.handler.render(content, { params: found.params, query });
    if (ticket !== rendering) return;
    put(main, content);
  } catch (e) {
    if (ticket !== rendering) return;
    if (!(e instanceof ApiError)) throw e;
    put(main, h('div', { class: 'page' }, h('h1', {}, e.status === 404 ? 'Не найдено' : 'Не удалось открыть страницу'), problemView(e.problem)));
  } finally {
    if (ticket === rendering) main.removeAttribute('aria-busy');
  }
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? 'Наставничество'} — Наставничество`;
  const autofocus = main.querySelector('[data-autofocus]');
  const first = autofocus?.querySelector('input:not([type=hidden]):not([disabled]), select, textarea');
  if (first) first.focus();
  else main.focus();
}

window.addEventListener('hashchange', render);
window.addEventListener('signed-out', () => {
  signOut();
  go('#/sign-in');
});
window.addEventListener('refresh', render);
render();
