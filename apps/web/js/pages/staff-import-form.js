import { api, ApiError } from '../api.js';
import { h, put, uid } from '../dom.js';
import { clause, date } from '../format.js';
import { problemView } from '../problem-view.js';

function rowsTable(caption, rows, columns) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(r))))))));
}

const rejectedColumns = [
  ['Строка', (r) => String(r.line)],
  ['ФИО', (r) => r.values.fullName ?? '—'],
  ['Должность', (r) => r.values.position ?? '—'],
  ['Дата допуска', (r) => r.values.firstWorkingDay ?? '—'],
  ['Почему отклонена', (r) => h('ul', { class: 'plain' }, r.errors.map((e) => h('li', {}, e.column ? h('strong', {}, `${e.column}: `) : null, e.message, e.clause ? ` (${clause(e.clause)})` : '')))],
];

/**
 * Staff list import: a preview first (nothing written), then the accepted rows through
 * RegisterPerson. `out` shows the preview; `done(message, report)` is told the result.
 */
export function importForm(out, done) {
  const fileId = uid('f');
  const hintId = uid('hint');
  const input = h('input', { type: 'file', id: fileId, accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': hintId });
  let key = null;
  const send = async (dryRun) => {
    const file = input.files?.[0];
    if (!file) {
      put(out, problemView({ title: 'Файл не выбран', detail: 'Выберите файл CSV или XLSX со списком сотрудников.' }));
      return null;
    }
    const form = new FormData();
    form.append('file', file);
    try {
      return await api('/api/people/import', { method: 'POST', form, query: { dryRun: String(dryRun) }, headers: dryRun ? {} : { 'Idempotency-Key': key } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const view = problemView(e.problem, { heading: 'Файл не принят' });
      put(out, view);
      view.focus();
      return null;
    }
  };
  async function preview(event) {
    event.preventDefault();
    put(out, h('p', { class: 'loading' }, 'Проверяется…'));
    const r = await send(true);
    if (!r) return;
    key = crypto.randomUUID();
    const confirm = h('button', { type: 'button', class: 'primary', disabled: r.accepted.length === 0, on: { click: commit } }, `Зарегистрировать: ${r.accepted.length}`);
    put(out,
      h('h3', {}, `Проверка файла: строк ${r.total}, будут зарегистрированы ${r.accepted.length}, отклонены ${r.rejected.length}`),
      r.ignoredColumns.length ? h('p', { class: 'muted' }, `Столбцы без соответствия (пропущены): ${r.ignoredColumns.join(', ')}.`) : null,
      r.accepted.length ? rowsTable('Будут зарегистрированы', r.accepted, [
        ['Строка', (a) => String(a.line)], ['ФИО', (a) => a.fullName], ['Должность', (a) => a.position], ['Дата допуска', (a) => date(a.firstWorkingDay)],
        ['Согласие на обработку ПДн', (a) => (a.consent ? `${date(a.consent.date)}, ${a.consent.documentRef}` : 'нет — запишите отдельно')],
      ]) : null,
      r.rejected.length ? rowsTable('Отклонены', r.rejected, rejectedColumns) : null,
      h('p', { class: 'form-actions' }, confirm));
  }
  async function commit(event) {
    event.target.disabled = true;
    const r = await send(false);
    if (!r) return;
    const report = [
      r.accepted.some((a) => a.consentError) ? h('p', { class: 'warning' }, 'У части сотрудников согласие не записано: ', r.accepted.filter((a) => a.consentError).map((a) => `строка ${a.line} — ${a.consentError.message}`).join('; ')) : null,
      r.rejected.length ? rowsTable('Отклонены', r.rejected, rejectedColumns) : null,
    ];
    done(`Импорт: зарегистрировано ${r.accepted.length}, отклонено ${r.rejected.length}.`, report);
  }
  return h('form', { class: 'import-form', novalidate: true, on: { submit: preview } },
    h('div', { class: 'field' },
      h('label', { for: fileId }, 'Файл со списком сотрудников (CSV или XLSX)'),
      input,
      h('p', { class: 'hint', id: hintId }, 'Первая строка — заголовки: «ФИО», «Должность», «Дата допуска к работе»; по желанию «Дата согласия на обработку ПДн» и «Реквизиты согласия». Даты — ДД.ММ.ГГГГ или ГГГГ-ММ-ДД. Сначала файл проверяется, ничего не записывая.')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Проверить файл')));
}

