import { api, ApiError, token } from '../api.js';
import { add, announce, h } from '../dom.js';
import { capitalize, date } from '../format.js';
import { bodySchema } from '../openapi.js';
import { problemView } from '../problem-view.js';
import { schemaForm } from '../schema-form.js';
import { app, vocabulary } from '../session.js';
import { empty, section } from '../widgets.js';

const refresh = () => window.dispatchEvent(new Event('refresh'));
/** What the last action said, shown once after the list is drawn again (a new token is shown only here). */
let flash = null;

const DISABLED = {
  'by-admin': 'отключена администратором',
  'consent-withdrawn': 'отключена: сотрудник отозвал согласие на обработку персональных данных',
  'personal-data-destroyed': 'отключена: персональные данные сотрудника уничтожены',
};

/** A token shown once, with a way to copy it. */
function tokenBox(text, value, id) {
  return h('div', { class: 'success', role: 'status' },
    h('p', {}, text),
    h('p', {}, h('label', { for: id }, 'Токен'), ' ', h('input', { id, class: 'token', readonly: true, value, size: 50 })),
    h('button', { type: 'button', class: 'secondary small', on: { click: () => navigator.clipboard?.writeText(value) } }, 'Скопировать'));
}

function stateCell(u) {
  if (u.state === 'disabled') return h('span', { class: 'warning-text' }, capitalize(DISABLED[u.disabledReason] ?? 'отключена'));
  return h('span', { class: 'ok-text' }, 'Активна');
}

function tokenCell(u) {
  if (!u.tokenExpiresOn) return 'бессрочно';
  return u.tokenExpired ? h('span', { class: 'warning-text' }, `истёк ${date(u.tokenExpiresOn)}`) : `до ${date(u.tokenExpiresOn)}`;
}

async function act(u, action, done) {
  try {
    const r = await api(`/api/users/${encodeURIComponent(u.userId)}/${action}`, { method: 'POST', body: {} });
    flash = done(r);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    flash = problemView(e.problem, { heading: 'Не выполнено' });
  }
  refresh();
}

function actions(u, roleTitles) {
  const self = u.userId === app.session.userId;
  const button = (text, run) => h('button', { type: 'button', class: 'small secondary', on: { click: run } }, text);
  const byPerson = u.disabledReason === 'consent-withdrawn' || u.disabledReason === 'personal-data-destroyed';
  return h('div', { class: 'actions' },
    u.state === 'active' && !self ? button('Отключить', () => act(u, 'disable', () => {
      announce(`Учётная запись «${u.name}» отключена.`);
      return h('p', { class: 'success', role: 'status' }, `Учётная запись «${u.name}» отключена: её токен больше не действует.`);
    })) : null,
    u.state === 'disabled' && !byPerson ? button('Включить', () => act(u, 'enable', () => h('p', { class: 'success', role: 'status' }, `Учётная запись «${u.name}» снова действует.`))) : null,
    u.state === 'active' ? button('Выдать новый токен', () => act(u, 'rotate-token', (r) => {
      // Our own token was replaced: keep working with the new one.
      if (self) token.set(r.token);
      const until = r.tokenExpiresOn ? ` Действует до ${date(r.tokenExpiresOn)}.` : '';
      return tokenBox(`Новый токен для «${u.name}» (${roleTitles}). Передайте его — он показывается один раз; прежний уже не действует.${until}`, r.token, `token-${u.userId}`);
    })) : null,
    byPerson ? h('span', { class: 'muted' }, 'Включить нельзя (152-ФЗ, ст. 21)') : null,
  );
}

async function accountsTable(v) {
  const { items } = await api('/api/users');
  if (!items.length) return empty('Учётных записей пока нет.');
  const titles = (roles) => roles.map((r) => v.enums?.role?.[r] ?? r).join(', ');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table accounts' },
    h('caption', { class: 'visually-hidden' }, `Учётные записи: ${items.length}`),
    h('thead', {}, h('tr', {}, ['Пользователь', 'Роли', 'Состояние', 'Токен', 'Действия'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((u) => h('tr', { dataset: { user: u.userId } },
      h('th', { scope: 'row', 'data-label': 'Пользователь' }, u.name, u.userId === app.session.userId ? h('span', { class: 'muted' }, ' (вы)') : null),
      h('td', { 'data-label': 'Роли' }, capitalize(titles(u.roles))),
      h('td', { 'data-label': 'Состояние' }, stateCell(u)),
      h('td', { 'data-label': 'Токен' }, tokenCell(u)),
      h('td', { 'data-label': 'Действия' }, actions(u, titles(u.roles))),
    )))));
}

async function createForm(v) {
  const [schema, staff] = await Promise.all([bodySchema('/api/users'), api('/api/staff')]);
  const { form } = schemaForm({
    schema, vocabulary: v,
    options: { personId: staff.items.map((p) => ({ value: p.personId, label: `${p.fullName} — ${p.position ?? ''}` })) },
    submitLabel: 'Создать пользователя',
    onSubmit: async (body) => {
      const r = await api('/api/users', { method: 'POST', body });
      flash = tokenBox(`Пользователь «${body.name}» создан. Передайте ему токен — он показывается один раз:`, r.token, `token-${r.id}`);
      form.reset();
      refresh();
    },
  });
  return form;
}

export async function render(main) {
  add(main, h('h1', {}, 'Пользователи'));
  if (!app.session.can.createUsers) {
    add(main, empty('Пользователей создаёт администратор.'));
    return;
  }
  const v = await vocabulary();
  const message = flash;
  flash = null;
  const result = h('div', { 'aria-live': 'polite' }, message);
  const [list, create] = await Promise.all([
    section('Учётные записи', () => accountsTable(v), { id: 'accounts-h', className: 'wide' }),
    section('Новый пользователь', () => createForm(v), { id: 'create-user-h' }),
  ]);
  add(main,
    h('p', { class: 'lead' }, 'Роли: заведующий (приказы, п. 3.3), куратор (п. 3.4), член методического совета, наставник и наставляемый (только свои наставничества — укажите сотрудника), аудитор (только чтение). Отключённая учётная запись и токен с истёкшим сроком не действуют; новый токен заменяет прежний сразу.'),
    result,
    h('div', { class: 'grid' }, list, create),
  );
}
