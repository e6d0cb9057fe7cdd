import { api } from '../api.js';
import { add, announce, h, uid } from '../dom.js';
import { date } from '../format.js';
import { bodySchema } from '../openapi.js';
import { schemaForm } from '../schema-form.js';
import { app, vocabulary } from '../session.js';
import { clauseTag, empty, loadMeter, section } from '../widgets.js';
import { importForm } from './staff-import-form.js';

const refresh = () => window.dispatchEvent(new Event('refresh'));
let flash = null;
let lastImport = null;

/** A modal with a generated form; closes and refreshes the page when the API accepts it. */
function openDialog({ title, schema, fixed, path, done, v, intro }) {
  const headingId = uid('dlg');
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': headingId });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const { form } = schemaForm({
    schema, vocabulary: v, fixed, defaults: { date: app.session.today }, submitLabel: 'Записать', onCancel: close,
    onSubmit: async (body) => {
      await api(path, { method: 'POST', body });
      close();
      flash = done;
      announce(done);
      refresh();
    },
  });
  add(dialog, h('h2', { id: headingId }, title), intro ? h('p', { class: 'muted' }, intro) : null, form);
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** The server tells the gender from the patronymic; without one the sentence needs none. */
function registered(fullName, gender) {
  if (gender === 'female') return `Сотрудница «${fullName}» зарегистрирована. Запишите её согласие на обработку персональных данных.`;
  if (gender === 'male') return `Сотрудник «${fullName}» зарегистрирован. Запишите его согласие на обработку персональных данных.`;
  return `Зарегистрирован сотрудник: ${fullName}. Запишите согласие на обработку персональных данных.`;
}

async function registerForm(v) {
  const schema = await bodySchema('/api/people');
  const { form } = schemaForm({
    schema, vocabulary: v, submitLabel: 'Зарегистрировать',
    onSubmit: async (body) => {
      const { gender } = await api('/api/people', { method: 'POST', body });
      flash = registered(body.fullName, gender);
      refresh();
    },
  });
  return form;
}

async function staffTable(v) {
  const can = app.session.can.managePeople;
  const [{ items }, mentorSchema, menteeSchema, consentSchema, withdrawalSchema, destructionSchema] = await Promise.all([
    api('/api/staff'), bodySchema('/api/mentor-bank'), bodySchema('/api/mentee-bank'), bodySchema('/api/people/{id}/consent'),
    bodySchema('/api/people/{id}/consent-withdrawal'), bodySchema('/api/people/{id}/personal-data-destruction'),
  ]);
  if (!items.length) return empty('Сотрудников пока нет.');
  const action = (text, run) => h('button', { type: 'button', class: 'small secondary', on: { click: run } }, text);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table staff' },
    h('caption', { class: 'visually-hidden' }, `Сотрудники: ${items.length}`),
    h('thead', {}, h('tr', {}, ['ФИО', 'Должность', 'Допуск к работе', 'Согласие на обработку ПДн', 'База наставников', 'Банк наставляемых'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((p) => h('tr', { dataset: { person: p.personId } },
      h('th', { scope: 'row' }, p.fullName),
      h('td', {}, p.position ?? '—'),
      h('td', {}, date(p.firstWorkingDay)),
      h('td', {}, consentCell(p, can, { v, action, consentSchema, withdrawalSchema, destructionSchema })),
      h('td', {}, p.mentorBank ? [loadMeter(p.mentorBank.load, p.mentorBank.limit), h('br'), h('span', { class: 'muted' }, p.mentorBank.competences.join(', '))]
        : can && p.personalDataConsentOn && !p.consentWithdrawnOn ? action('В базу наставников', () => openDialog({ v, title: `В базу наставников: ${p.fullName}`, schema: mentorSchema, fixed: { personId: p.personId }, path: '/api/mentor-bank', done: `«${p.fullName}» в базе наставников.`, intro: 'П. 3.8 Положения: наставник назначается из базы наставников.' })) : '—'),
      h('td', {}, p.menteeBank ? h('span', {}, '✓ ', h('span', { class: 'muted' }, p.menteeBank.requests.join(', ')))
        : can && p.personalDataConsentOn && !p.consentWithdrawnOn ? action('В банк наставляемых', () => openDialog({ v, title: `В банк наставляемых: ${p.fullName}`, schema: menteeSchema, fixed: { personId: p.personId }, path: '/api/mentee-bank', done: `«${p.fullName}» в банке наставляемых.`, intro: 'П. 3.4 Положения: банк наставляемых с их профессиональными запросами.' })) : '—'),
    )))));
}

/** Consent, its written withdrawal (processing stops), and destruction on the head's order (152-ФЗ, ст. 9 и 21). */
function consentCell(p, can, { v, action, consentSchema, withdrawalSchema, destructionSchema }) {
  const path = (tail) => `/api/people/${encodeURIComponent(p.personId)}/${tail}`;
  if (p.personalDataDestroyedOn) return h('span', { class: 'muted' }, `данные уничтожены ${date(p.personalDataDestroyedOn)}`);
  if (p.consentWithdrawnOn) {
    return [
      h('span', { class: 'warning-text' }, `отозвано ${date(p.consentWithdrawnOn)}`),
      app.session.can.destroyPersonalData ? [h('br'), action('Уничтожить данные', () => openDialog({
        v, title: `Уничтожение персональных данных: ${p.fullName}`, schema: destructionSchema, path: path('personal-data-destruction'),
        done: 'Персональные данные уничтожены; запись об уничтожении сохранена в журнале.',
        intro: 'По приказу заведующего: ключ шифрования сотрудника уничтожается, ФИО больше нигде не будет показано. Отчёты и история сохраняются.',
      }))] : null,
    ];
  }
  if (p.personalDataConsentOn) {
    return [h('span', { class: 'ok-text' }, `✓ ${date(p.personalDataConsentOn)}`), can ? [h('br'), action('Отзыв согласия', () => openDialog({
      v, title: `Отзыв согласия на обработку ПДн: ${p.fullName}`, schema: withdrawalSchema, path: path('consent-withdrawal'),
      done: `Отзыв согласия записан: данные сотрудника «${p.fullName}» больше не обрабатываются.`,
      intro: 'Сотрудника нельзя будет предложить в наставническую пару или внести в банк.',
    }))] : null];
  }
  return can ? action('Записать согласие', () => openDialog({ v, title: `Согласие на обработку ПДн: ${p.fullName}`, schema: consentSchema, path: path('consent'), done: `Согласие сотрудника «${p.fullName}» записано.` })) : 'нет';
}

async function bankUpdate() {
  const r = await api('/api/banks/mentees');
  if (!r.update) return empty('Банк наставляемых пуст.');
  const u = r.update;
  return h('p', { class: u.status === 'overdue' ? 'warning' : '' },
    `${u.title} `, clauseTag(u.clause), `: последнее обновление ${date(u.lastUpdatedOn)}, следующее — до ${date(u.due)}`, u.status === 'overdue' ? ` (просрочено на ${u.daysLate} дн.)` : '', '.');
}

export async function render(main) {
  const v = await vocabulary();
  const can = app.session.can.managePeople;
  const message = flash;
  const imported = lastImport;
  flash = null;
  lastImport = null;
  // The preview is as wide as the page: it is a table of the file's rows.
  const importResult = h('section', { class: 'card wide import-result', 'aria-live': 'polite', 'aria-label': 'Проверка файла' });
  const sections = await Promise.all([
    can ? section('Зарегистрировать сотрудника', () => registerForm(v), { id: 'register-h' }) : null,
    can ? section('Загрузить список сотрудников', async () => importForm(importResult, (message, report) => {
      flash = message;
      lastImport = report;
      refresh();
    }), { id: 'import-h' }) : null,
    can ? importResult : null,
    section('Сотрудники', () => staffTable(v), { id: 'staff-h', className: 'wide' }),
    section('Банк наставляемых', bankUpdate, { id: 'bank-h', className: 'wide' }),
  ]);
  add(main,
    h('h1', {}, 'Сотрудники и банки'),
    h('p', { class: 'lead' }, 'Дорожная карта, этапы 2–3: учёт сотрудников, письменные согласия на обработку персональных данных, база наставников и банк наставляемых (п. 3.4, 3.8). В банки вносятся только сотрудники с согласием.'),
    message ? h('p', { class: 'success', role: 'status' }, message) : null,
    imported?.some(Boolean) ? h('div', { class: 'card wide' }, imported) : null,
    h('div', { class: 'grid' }, sections.filter(Boolean)),
  );
}
