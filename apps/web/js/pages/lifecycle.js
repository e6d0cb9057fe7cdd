import { add, h } from '../dom.js';
import { capitalize } from '../format.js';
import { lifecycleDiagram } from '../lifecycle-diagram.js';
import { lifecycle } from '../session.js';

export async function render(main) {
  const graph = await lifecycle();
  const title = new Map(graph.states.map((s) => [s.id, s.title]));
  const all = [...graph.transitions, ...graph.states.flatMap((s) => s.regions.flatMap((r) => r.transitions.map((t) => ({
    ...t, from: s.id, region: r.title, to: t.to ? `${s.title}: ${r.title.toLowerCase()} — ${r.states.find((x) => x.id === t.to)?.title ?? t.to}` : undefined,
  }))))];
  add(main,
    h('h1', {}, 'Жизненный цикл наставничества'),
    h('p', { class: 'lead' }, 'Схема построена по определению конечного автомата, по которому сервер принимает шаги: новые состояния и шаги появятся здесь сами. Двойная рамка — конечное состояние, ↻ — шаги внутри состояния.'),
    h('section', { class: 'card wide' }, h('div', { class: 'diagram-wrap' }, lifecycleDiagram(graph))),
    h('section', { class: 'card wide', 'aria-labelledby': 'tr-h' },
      h('h2', { id: 'tr-h' }, 'Шаги и переходы'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['Из состояния', 'Шаг', 'Кто', 'Условие', 'В состояние'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, all.map((t) => h('tr', {},
          h('td', {}, title.get(t.from) ?? t.from, t.region ? h('span', { class: 'muted' }, ` (${t.region})`) : null),
          h('th', { scope: 'row' }, t.title),
          h('td', {}, t.roles.map(capitalize).join(', ')),
          h('td', {}, t.guardTitle ?? '—'),
          h('td', {}, t.to ? title.get(t.to) ?? t.to : h('span', { class: 'muted' }, 'то же')))))))),
  );
}
