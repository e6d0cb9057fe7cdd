import { api, ApiError, download, optional } from '../api.js';
import { add, h, put, uid } from '../dom.js';
import { capitalize, date, dateTime } from '../format.js';
import { lifecycleDiagram, pathFromHistory } from '../lifecycle-diagram.js';
import { problemView } from '../problem-view.js';
import { app, lifecycle, vocabulary } from '../session.js';
import { empty, stateBadge } from '../widgets.js';
import { regionsOf } from './mentorship.js';
import { attachedByRevision, attachedLine } from './documents-card.js';

const unavailable = (what) => h('p', { class: 'unavailable' }, h('strong', {}, 'Недоступно: '), `${what} на этом сервере пока нет.`);

function documentText(d) {
  if (!d) return null;
  return [capitalize(d.kind), d.number ? `№ ${d.number}` : null, d.ref ? `«${d.ref}»` : null, d.date ? `от ${date(d.date)}` : null, d.consent ? `согласие: ${d.consent}` : null].filter(Boolean).join(' ');
}

/** An event's data as the API words it: labelled fields, never keys or JSON. */
function fieldList(fields) {
  return h('dl', { class: 'facts small' }, (fields ?? []).flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]));
}

function timeline(entries, titles, stateTitles, v, attached = new Map()) {
  return h('ol', { class: 'timeline' }, entries.map((e) => h('li', { class: 'timeline-item' },
    h('div', { class: 'timeline-date' }, h('strong', {}, date(e.businessDate)), h('br'), h('span', { class: 'muted', title: 'Когда записано в журнал' }, `записано ${dateTime(e.recordedAt, app.session.timeZone)}`)),
    h('div', { class: 'timeline-body' },
      h('p', {}, h('strong', {}, e.title ?? titles.get(e.type) ?? 'Запись журнала'), ' → ', stateBadge(e.stateAfter, stateTitles[e.stateAfter] ?? e.stateAfter)),
      h('p', {}, 'Кто: ', e.actor?.name ?? 'пользователь', e.actor?.role ? ` (${v.enums.role[e.actor.role] ?? (e.actor.role === 'system' ? 'система' : e.actor.role)})` : ''),
      e.document ? h('p', {}, 'Документ: ', documentText(e.document)) : null,
      attachedLine(attached.get(e.revision)),
      e.fields?.length ? h('details', {}, h('summary', {}, 'Подробности'), fieldList(e.fields)) : null))));
}

/** `GET /api/audit/verify`: the organisation's hash chain recomputed from the whole log; the statement and the audit package to download. */
async function integrity(id) {
  let result;
  try {
    result = await optional('/api/audit/verify');
  } catch (e) {
    if (e instanceof ApiError) return problemView(e.problem, { heading: 'Проверка не выполнена' });
    throw e;
  }
  if (!result) return unavailable('Проверки целостности журнала');
  const intact = result.intact ?? result.ok ?? result.status === 'intact';
  const chain = result.chains?.[0];
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const save = async (path, query, fallback) => {
    status.textContent = 'Готовится файл…';
    try {
      status.textContent = `Файл «${await download(path, query, fallback)}» сохранён.`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = e.message;
    }
  };
  const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  return [
    intact
      ? h('p', { class: 'success' }, h('strong', {}, 'Журнал не изменён: '), 'изменённых, удалённых и вставленных событий нет.')
      : h('p', { class: 'problem' }, h('strong', {}, 'Журнал нарушен! '), result.firstBreak?.message ?? result.summary ?? ''),
    chain
      ? h('dl', { class: 'facts small' },
        ...fact('Проверено событий', String(chain.checked)),
        ...fact('Контрольная сумма', h('code', { class: 'hash' }, chain.head)),
        ...(chain.unsealed ? fact('Ещё не включено в цепочку', `${chain.unsealed} (записаны только что, будут включены автоматически)`) : []),
        // The check against the witness (when one is configured): agrees, contradicts, or why it was not made.
        ...(chain.witness && chain.witness.status !== 'off' ? fact('Сверка со свидетелем', chain.witness.summary) : []),
        ...fact('Проверено', dateTime(result.checkedAt, app.session.timeZone)))
      : null,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('/api/audit/verify/statement', {}, 'akt-proverki.html') } }, 'Акт проверки (HTML)'),
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('/api/audit/export', { mentorshipId: id, format: 'html' }, 'audit-package.html') } }, 'Пакет аудита (HTML)'),
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('/api/audit/export', { mentorshipId: id, format: 'json' }, 'audit-package.json') } }, 'Пакет аудита (JSON)')),
    status,
    earlierStatement(save),
  ];
}

/** The sum an earlier statement printed, checked again: the chain must still have it after that many events. */
function earlierStatement(save) {
  const countId = uid('f');
  const headId = uid('f');
  const count = h('input', { id: countId, type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const head = h('input', { id: headId, type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'hash' });
  const out = h('div', { 'aria-live': 'polite' });
  async function check(event) {
    event.preventDefault();
    const query = { count: count.value.trim(), head: head.value.trim().toLowerCase() };
    try {
      const r = await api('/api/audit/verify', { query });
      put(out, r.intact
        ? h('p', { class: 'success' }, h('strong', {}, 'Совпадает: '), `после события № ${query.count} контрольная сумма та же, что в прежнем акте.`)
        : h('p', { class: 'problem' }, h('strong', {}, 'Не совпадает! '), r.firstBreak?.message ?? r.summary ?? ''),
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('/api/audit/verify/statement', query, 'akt-proverki.html') } }, 'Акт со сверкой (HTML)'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      put(out, problemView(e.problem, { heading: 'Сверка не выполнена' }));
    }
  }
  return h('details', { class: 'earlier-statement' },
    h('summary', {}, 'Сверить с прежним актом'),
    h('p', { class: 'muted' }, 'Из прежнего акта проверки: число проверенных событий и контрольная сумма после последнего из них.'),
    h('form', { class: 'schema-form', novalidate: true, on: { submit: check } },
      h('div', { class: 'field' }, h('label', { for: countId }, 'Число проверенных событий'), count),
      h('div', { class: 'field' }, h('label', { for: headId }, 'Контрольная сумма (SHA-256)'), head),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Сверить'))),
    out);
}

export async function render(main, { params }) {
  const id = params.id;
  const [m, v, graph, history] = await Promise.all([
    api(`/api/mentorships/${encodeURIComponent(id)}`), vocabulary(), lifecycle(), optional(`/api/mentorships/${encodeURIComponent(id)}/history`),
  ]);
  const titles = new Map([...graph.transitions, ...graph.states.flatMap((s) => s.regions.flatMap((r) => r.transitions))].map((t) => [t.event, t.title]));
  add(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Путь' }, h('a', { href: '#/mentorships' }, 'Наставничества'), ' / ', h('a', { href: `#/mentorships/${id}` }, m.topic), ' / история'),
    h('h1', {}, `История: ${m.topic}`),
  );
  const grid = h('div', { class: 'grid' });
  add(main, grid);

  const check = h('section', { class: 'card', 'aria-labelledby': 'verify-h' }, h('h2', { id: 'verify-h' }, 'Целостность журнала'));
  add(check, ...[await integrity(id)].flat());
  add(grid, check);

  const asOf = h('section', { class: 'card wide', 'aria-labelledby': 'asof-h' }, h('h2', { id: 'asof-h' }, 'Состояние на дату'));
  add(grid, asOf);
  if (!history) {
    add(asOf, unavailable('Истории событий'));
    add(grid, h('section', { class: 'card wide' }, h('h2', {}, 'Хронология'), unavailable('Истории событий')));
    return;
  }
  const entries = history.entries;
  const dates = [...new Set(entries.map((e) => e.businessDate).filter(Boolean))].sort();
  if (!dates.includes(app.session.today)) dates.push(app.session.today);
  const dateId = uid('f');
  const sliderId = uid('f');
  const picker = h('input', { type: 'date', id: dateId, min: dates[0], max: app.session.today, value: app.session.today });
  const slider = h('input', { type: 'range', id: sliderId, min: 0, max: dates.length - 1, step: 1, value: dates.length - 1, 'aria-valuetext': date(app.session.today) });
  const result = h('div', { class: 'asof-result', 'aria-live': 'polite' });
  async function show(day) {
    try {
      const past = await api(`/api/mentorships/${encodeURIComponent(id)}`, { query: { asOf: day } });
      const upTo = entries.filter((e) => e.revision <= past.revision);
      put(result,
        h('p', {}, `На ${date(day)}: `, stateBadge(past.state, past.stateTitle), ` (событий: ${past.revision + 1})`),
        past.asOf?.differs ? h('p', { class: 'warning' }, `Часть шагов датирована задним числом: по записям журнала на ${date(day)} система знала состояние «${v.enums.state[past.asOf.asKnownThen.state] ?? 'ещё не создано'}» (событий: ${past.asOf.asKnownThen.revision + 1}).`) : null,
        h('div', { class: 'diagram-wrap' }, lifecycleDiagram(graph, { current: past.state, path: pathFromHistory(graph.initial, upTo), regions: regionsOf(past), label: `Жизненный цикл на ${date(day)}` })),
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      put(result, e.problem.code === 'not-yet-existing' ? h('p', {}, `На ${date(day)} наставничества ещё не было.`) : problemView(e.problem));
    }
  }
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    const i = dates.findLastIndex((d) => d <= picker.value);
    slider.value = String(Math.max(0, i));
    slider.setAttribute('aria-valuetext', date(picker.value));
    show(picker.value);
  });
  slider.addEventListener('input', () => {
    const day = dates[Number(slider.value)];
    picker.value = day;
    slider.setAttribute('aria-valuetext', date(day));
    show(day);
  });
  add(asOf,
    h('div', { class: 'asof-controls' },
      h('div', { class: 'field' }, h('label', { for: dateId }, 'Дата'), picker),
      h('div', { class: 'field grow' }, h('label', { for: sliderId }, 'По датам шагов'), slider,
        h('div', { class: 'slider-scale', 'aria-hidden': 'true' }, h('span', {}, date(dates[0])), h('span', {}, date(dates[dates.length - 1]))))),
    result,
  );
  await show(app.session.today);
  add(grid, h('section', { class: 'card wide', 'aria-labelledby': 'timeline-h' },
    h('h2', { id: 'timeline-h' }, `Хронология (${entries.length})`),
    entries.length ? timeline(entries, titles, v.enums.state, v, await attachedByRevision(id)) : empty('Событий нет.')));
}
