import { ApiError, api, download } from '../api.js';
import { add, h, put, s, uid } from '../dom.js';
import { date, percent, plural } from '../format.js';
import { barChart } from '../charts.js';
import { problemView } from '../problem-view.js';
import { go } from '../router.js';
import { app } from '../session.js';
import { figure } from '../widgets.js';

/** The columns of the organisations' table: title, how to sort, how to show. */
const COLUMNS = [
  ['name', 'Организация', (r) => r.name, (r) => (r.disabled ? `${r.name} (отключена)` : r.name)],
  ['municipality', 'Муниципалитет', (r) => r.municipality],
  ['mentorships', 'Наставничеств', (r) => r.figures.mentorships],
  ['mentors', 'Наставников', (r) => r.figures.mentors],
  ['mentees', 'Наставляемых', (r) => r.figures.mentees],
  ['young', 'Молодые педагоги в наставничестве', (r) => r.shares.youngShare ?? -1, (r) => `${percent(r.shares.youngShare)} (${r.figures.youngInMentorship} из ${r.figures.youngStaff})`],
  ['onTime', 'Сроки соблюдены вовремя', (r) => r.shares.onTimeRate ?? -1, (r) => percent(r.shares.onTimeRate)],
  ['completed', 'Завершено', (r) => r.figures.completed],
  ['replacements', 'Замен наставника', (r) => r.figures.replacements],
  ['roadmap', 'Дорожная карта', (r) => r.figures.roadmap.stage ?? (r.figures.roadmap.phase === 'implemented' ? 9 : 0), null],
];

const roadmapText = (f, t) => (f.roadmap.stage ? `этап ${f.roadmap.stage}` : t.phases[f.roadmap.phase]);

/** Deadlines as one stacked SVG bar: on time, late, overdue, not yet due; each part labelled in the legend. */
function deadlineBar(d) {
  const parts = [['on-time', 'вовремя', d.onTime], ['late', 'с опозданием', d.late], ['overdue', 'просрочено', d.overdue], ['pending', 'срок не наступил', d.pending]];
  const total = Math.max(1, d.total);
  let x = 0;
  const titleId = uid('chart');
  return h('figure', { class: 'chart-figure', 'aria-labelledby': titleId },
    h('figcaption', { id: titleId }, `Сроки Положения, наступившие в периоде: ${d.total}`),
    s('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'stacked-bar', role: 'img', 'aria-label': parts.map(([, t, n]) => `${t}: ${n}`).join(', ') },
      parts.map(([cls, , n]) => {
        const w = (n / total) * 100;
        const rect = s('rect', { x: String(x), y: '0', width: String(w), height: '8', class: `part-${cls}` });
        x += w;
        return rect;
      })),
    h('ul', { class: 'legend' }, parts.map(([cls, t, n]) => h('li', {}, h('span', { class: ['swatch', `part-${cls}`] }), `${t}: ${n}`))));
}

function figuresView(f, shares, t, organisations) {
  return [
    h('div', { class: 'figures' },
      organisations === undefined ? null : figure(plural(organisations, 'организация', 'организации', 'организаций'), organisations),
      figure(plural(f.mentorships, 'наставничество', 'наставничества', 'наставничеств'), f.mentorships),
      figure(plural(f.mentors, 'наставник', 'наставника', 'наставников'), f.mentors),
      figure(plural(f.mentees, 'наставляемый', 'наставляемых', 'наставляемых'), f.mentees),
      figure('молодых педагогов в наставничестве', percent(shares.youngShare), `${f.youngInMentorship} из ${f.youngStaff}`),
      figure('сроков соблюдено вовремя', percent(shares.onTimeRate), `${f.deadlines.onTime} из ${f.deadlines.onTime + f.deadlines.late + f.deadlines.overdue}`),
      figure('начато за период', f.started),
      figure('завершено за период', f.completed),
      figure(plural(f.replacements, 'замена наставника', 'замены наставника', 'замен наставника'), f.replacements)),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, barChart({ title: 'Наставничества по состояниям (на конец периода)', items: Object.entries(f.byState).map(([k, n]) => ({ label: t.states[k], value: n, class: `state-${k}` })) })),
      h('section', { class: 'card' }, barChart({ title: 'Наставничества по формам (п. 2.3)', items: Object.entries(f.byForm).map(([k, n]) => ({ label: t.forms[k], value: n })) })),
      h('section', { class: 'card' }, deadlineBar(f.deadlines)),
      h('section', { class: 'card' }, barChart({ title: 'Завершения по основаниям (п. 7.1)', items: Object.entries(f.completionsByReason).map(([k, n]) => ({ label: t.completions[k], value: n })) })),
      h('section', { class: 'card' }, barChart({ title: 'Замены наставника по причинам', items: Object.entries(f.replacementsByReason).map(([k, n]) => ({ label: t.replacements[k], value: n })) })),
      f.roadmapPhases
        ? h('section', { class: 'card' }, barChart({ title: 'Организации по дорожной карте', items: [
          ...Object.entries(f.roadmapPhases).filter(([k]) => k !== 'approved').map(([k, n]) => ({ label: t.phases[k], value: n })),
          ...Object.entries(f.roadmapStages).map(([k, n]) => ({ label: t.stages[k], value: n })),
        ] }))
        : h('section', { class: 'card' }, h('h3', {}, 'Дорожная карта'), h('p', {}, f.roadmap.stage ? t.stages[String(f.roadmap.stage)] : t.phases[f.roadmap.phase]))),
  ];
}

function organisationsTable(rows, t, sort, onSort, link) {
  const sorted = [...rows].sort((a, b) => {
    const col = COLUMNS.find(([k]) => k === sort.key);
    const x = col[2](a), y = col[2](b);
    const order = typeof x === 'string' ? x.localeCompare(y, 'ru') : x - y;
    return sort.dir === 'asc' ? order : -order;
  });
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'table region-table' },
      h('caption', {}, `Организации: ${rows.length}`),
      h('thead', {}, h('tr', {}, COLUMNS.map(([key, title]) => h('th', {
        scope: 'col', 'aria-sort': sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined,
      }, h('button', { type: 'button', class: 'link sort', on: { click: () => onSort(key) } }, title, sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''))))),
      h('tbody', {}, sorted.map((r) => h('tr', { class: r.disabled ? 'disabled' : undefined }, COLUMNS.map(([key, , value, shown], i) => {
        const text = shown === null ? roadmapText(r.figures, t) : String((shown ?? value)(r));
        return i === 0 ? h('th', { scope: 'row' }, h('a', { href: link(r) }, text)) : h('td', { class: i > 1 && key !== 'roadmap' ? 'num' : undefined }, text);
      }))))));
}

export async function render(main, { query }) {
  const today = app.session.today;
  const params = { from: query.get('from') || `${today.slice(0, 4)}-01-01`, to: query.get('to') || today };
  const ids = { from: uid('f'), to: uid('f') };
  const fromInput = h('input', { type: 'date', id: ids.from, value: params.from });
  const toInput = h('input', { type: 'date', id: ids.to, value: params.to });
  const status = h('p', { class: 'muted', role: 'status' });
  const out = h('div', { class: 'report', 'aria-live': 'polite' });
  const sort = { key: query.get('sort') || 'name', dir: query.get('dir') || 'asc' };
  const address = (extra = {}) => `#/region?${new URLSearchParams({ from: fromInput.value, to: toInput.value, ...extra })}`;
  let rollup;
  try {
    rollup = await api('/api/region/figures', { query: params });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    put(out, problemView(e.problem));
  }
  const place = rollup ? (rollup.territory.municipality ? `${rollup.territory.municipality} (${rollup.territory.region})` : rollup.territory.region) : '';
  const chosen = rollup && query.get('org') ? rollup.organisations.find((o) => o.orgId === query.get('org')) : null;

  function drawTable() {
    put(tableHolder, organisationsTable(rollup.organisations, rollup.titles, sort, (key) => {
      sort.dir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
      sort.key = key;
      drawTable();
    }, (r) => address({ org: r.orgId })));
  }
  const tableHolder = h('div');
  async function save() {
    status.textContent = 'Готовится файл…';
    try {
      const name = await download('/api/region/figures', { from: fromInput.value, to: toInput.value, format: 'xlsx' }, 'region.xlsx');
      status.textContent = `Файл «${name}» сохранён.`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = '';
      out.prepend(problemView(e.problem));
    }
  }
  if (rollup && chosen) {
    put(out,
      h('p', {}, h('a', { href: address() }, '← Все организации')),
      h('h2', {}, chosen.name),
      h('p', { class: 'muted' }, `${chosen.municipality}. Показатели из отчёта о мониторинге организации за период с ${date(rollup.period.from)} по ${date(rollup.period.to)}.${chosen.disabled ? ' Организация отключена.' : ''}`),
      ...figuresView(chosen.figures, chosen.shares, rollup.titles));
  } else if (rollup) {
    const totals = figuresView(rollup.totals, rollup.totals.shares, rollup.titles, rollup.totals.organisations);
    put(out,
      h('p', { class: 'muted' }, `Период с ${date(rollup.period.from)} по ${date(rollup.period.to)}; сроки — по состоянию на ${date(rollup.asOf)}. Итог — сумма показателей отчётов о мониторинге каждой организации (п. 3.4 Положения). Персональных данных здесь нет.`),
      h('h2', {}, 'Итого'),
      totals[0],
      h('h2', {}, 'По организациям'),
      tableHolder,
      h('h2', {}, 'Распределения по всем организациям'),
      totals[1]);
    drawTable();
  }
  add(main,
    h('h1', {}, 'Организации муниципалитета'),
    h('p', { class: 'lead' }, place ? `${place}: сводные показатели наставничества педагогических работников.` : 'Сводные показатели наставничества педагогических работников.'),
    h('form', { class: 'filters card', on: { submit: (e) => { e.preventDefault(); go(address(chosen ? { org: chosen.orgId } : {})); } } },
      h('div', { class: 'field' }, h('label', { for: ids.from }, 'С'), fromInput),
      h('div', { class: 'field' }, h('label', { for: ids.to }, 'По'), toInput),
      h('button', { type: 'submit', class: 'primary' }, 'Показать'),
      h('button', { type: 'button', class: 'secondary', on: { click: save } }, 'Скачать XLSX')),
    status,
    out);
}
