import { ApiError, download, optional } from '../api.js';
import { add, h, put, uid } from '../dom.js';
import { date, percent, plural } from '../format.js';
import { barChart } from '../charts.js';
import { problemView } from '../problem-view.js';
import { openPrintView } from '../print-view.js';
import { app, vocabulary } from '../session.js';
import { empty, figure } from '../widgets.js';

function reportView(r) {
  const rate = r.deadlines.map((d) => ({ label: `${d.title} (${d.clause})`, value: d.onTimeRate, text: d.onTimeRate === null ? 'нет данных' : `${percent(d.onTimeRate)} (${d.onTime} из ${d.onTime + d.late + d.overdue})` }));
  return [
    h('p', { class: 'muted' }, `${r.title}. Период с ${date(r.period.from)} по ${date(r.period.to)}, ${r.formTitle.toLowerCase()}. Сроки — по состоянию на ${date(r.asOf)}.${r.stale ? ' Последние записи ещё учитываются: постройте отчёт через минуту ещё раз.' : ''}`),
    h('div', { class: 'figures' },
      figure(plural(r.mentorships, 'наставничество', 'наставничества', 'наставничеств'), r.mentorships),
      figure(plural(r.participants.mentors, 'наставник', 'наставника', 'наставников'), r.participants.mentors),
      figure(plural(r.participants.mentees, 'наставляемый', 'наставляемых', 'наставляемых'), r.participants.mentees),
      figure('начато за период', r.started),
      figure('завершено за период', r.completed),
      figure(plural(r.replacements, 'замена наставника', 'замены наставника', 'замен наставника'), r.replacements),
      figure('вовлечённость педагогов', percent(r.engagement.share), `${r.engagement.participants} из ${r.engagement.staff}`),
      figure('средняя оценка наставников', r.mentorEvaluation.average ?? '—', `оценок: ${r.mentorEvaluation.count}`)),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, barChart({ title: 'Наставничества по состояниям (на конец периода)', items: r.byState.map((x) => ({ label: x.title, value: x.count, class: `state-${x.state}` })) })),
      h('section', { class: 'card' }, barChart({ title: 'Наставничества по формам (п. 2.3)', items: r.byForm.filter((x) => x.mentorships > 0).map((x) => ({ label: `${x.title} — наставляемых: ${x.mentees}`, value: x.mentorships })) })),
      h('section', { class: 'card' }, barChart({ title: 'Соблюдение сроков Положения', items: rate, max: 1 })),
      h('section', { class: 'card' }, barChart({ title: 'Завершения по основаниям (п. 7.1)', items: r.completionsByReason.map((x) => ({ label: x.title, value: x.count })) })),
      h('section', { class: 'card' }, barChart({ title: 'Оценки наставников наставляемыми', items: r.mentorEvaluation.distribution.map((x) => ({ label: `Оценка ${x.score}`, value: x.count })) })),
      h('section', { class: 'card' }, h('h3', {}, 'Для статистических форм'),
        h('table', { class: 'table' }, h('tbody', {}, r.statistics.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.title), h('td', { class: 'num' }, String(s.value)))))))),
  ];
}

export async function render(main, { query }) {
  const v = await vocabulary();
  const today = app.session.today;
  const params = { from: query.get('from') || `${today.slice(0, 4)}-01-01`, to: query.get('to') || today, form: query.get('form') || '' };
  const ids = { from: uid('f'), to: uid('f'), form: uid('f') };
  const out = h('div', { class: 'report', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const fromInput = h('input', { type: 'date', id: ids.from, value: params.from });
  const toInput = h('input', { type: 'date', id: ids.to, value: params.to });
  const formSelect = h('select', { id: ids.form }, h('option', { value: '' }, 'все формы'), Object.entries(v.enums.form).map(([k, t]) => h('option', { value: k, selected: k === params.form }, t)));
  const current = () => ({ from: fromInput.value, to: toInput.value, form: formSelect.value });

  async function build() {
    put(out, h('p', { class: 'loading' }, 'Строится…'));
    try {
      const r = await optional('/api/reports/monitoring', { query: { ...current(), format: 'json' } });
      put(out, ...(r ? reportView(r) : [empty('Недоступно: отчёта о мониторинге на этом сервере пока нет.')]));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      put(out, problemView(e.problem));
    }
  }
  async function print() {
    status.textContent = '';
    try {
      const url = new URL('/api/reports/monitoring', location.origin);
      for (const [k, v] of Object.entries({ ...current(), format: 'html' })) if (v) url.searchParams.set(k, v);
      await openPrintView(url.pathname + url.search);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      out.prepend(problemView(e.problem));
    }
  }
  async function save(format) {
    status.textContent = 'Готовится файл…';
    try {
      const name = await download('/api/reports/monitoring', { ...current(), format }, `monitoring.${format}`);
      status.textContent = `Файл «${name}» сохранён.`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = '';
      out.prepend(problemView(e.problem));
    }
  }
  add(main,
    h('h1', {}, 'Мониторинг'),
    h('p', { class: 'lead' }, 'Отчёт куратора о реализации системы наставничества (п. 3.4 Положения) за выбранный период.'),
    h('form', { class: 'filters card', on: { submit: (e) => { e.preventDefault(); build(); } } },
      h('div', { class: 'field' }, h('label', { for: ids.from }, 'С'), fromInput),
      h('div', { class: 'field' }, h('label', { for: ids.to }, 'По'), toInput),
      h('div', { class: 'field' }, h('label', { for: ids.form }, 'Форма наставничества'), formSelect),
      h('button', { type: 'submit', class: 'primary' }, 'Построить'),
      h('button', { type: 'button', class: 'secondary', on: { click: print } }, 'Для печати'),
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('xlsx') } }, 'Скачать XLSX'),
      h('button', { type: 'button', class: 'secondary', on: { click: () => save('csv') } }, 'Скачать CSV (данные)')),
    status,
    out,
  );
  await build();
}
