import { api, optional } from '../api.js';
import { add, h } from '../dom.js';
import { lifecycleDiagram, pathFromHistory } from '../lifecycle-diagram.js';
import { lifecycle, vocabulary } from '../session.js';
import { stateBadge } from '../widgets.js';
import { datesCard, deadlinesCard, peopleCard, programCard, resultsCard } from './mentorship-cards.js';
import { fieldOptions, stepsPanel, takeFlash } from './mentorship-steps.js';
import { documentsCard } from './documents-card.js';
import { programBankCard } from './program-bank-card.js';

/** The path taken: from the history when this server has it, otherwise the normal order up to now. */
function pathOf(m, graph, history) {
  if (history) return pathFromHistory(graph.initial, history.entries);
  const main = ['proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed'];
  const start = m.predecessorId ? ['ordered'] : main;
  const upTo = (s) => [graph.initial, ...start.slice(0, start.indexOf(s) + 1)];
  if (main.includes(m.state)) return upTo(m.state);
  if (m.state === 'declined') return [graph.initial, 'proposed', 'declined'];
  if (m.state === 'withdrawn') return [...upTo(m.consents.length && m.consents.every((c) => c.given) && m.consents.length === m.mentees.length + 1 ? 'consented' : 'proposed'), 'withdrawn'];
  if (m.state === 'replaced') return [...upTo(Object.keys(m.acknowledgements).length === m.mentees.length ? 'active' : m.program ? 'program-drafted' : 'ordered'), 'replaced'];
  return [graph.initial, m.state];
}

export function regionsOf(m) {
  return {
    mentorReport: m.mentorReport ? 'submitted' : 'pending',
    menteeReports: Object.keys(m.menteeReports ?? {}).length === m.mentees.length ? 'submitted' : 'pending',
    publication: m.publication ? 'published' : 'unpublished',
  };
}

export async function render(main, { params, query }) {
  const id = params.id;
  const [m, v, graph, history] = await Promise.all([
    api(`/api/mentorships/${encodeURIComponent(id)}`), vocabulary(), lifecycle(), optional(`/api/mentorships/${encodeURIComponent(id)}/history`),
  ]);
  const options = await fieldOptions(m, m.availableSteps);
  const message = takeFlash();
  const [bank, documents] = await Promise.all([programBankCard(m), documentsCard(m)]);
  add(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Путь' }, h('a', { href: '#/mentorships' }, 'Наставничества'), ' / ', m.topic),
    h('div', { class: 'page-head' },
      h('h1', {}, m.topic),
      h('div', { class: 'head-badges' }, stateBadge(m.state, m.stateTitle), h('span', { class: 'badge' }, m.formTitle))),
    message ? h('p', { class: 'success', role: 'status' }, message) : null,
    h('div', { class: 'grid' },
      stepsPanel(m, v, options, query.get('step'), { final: graph.states.some((s) => s.id === m.state && s.type === 'final') }),
      bank,
      peopleCard(m),
      datesCard(m, v),
      deadlinesCard(m),
      programCard(m, v),
      resultsCard(m),
      documents,
      h('section', { class: 'card wide', 'aria-labelledby': 'lc-h' },
        h('h2', { id: 'lc-h' }, 'Жизненный цикл'),
        h('p', { class: 'muted' }, `Текущее состояние выделено цветом, пройденный путь — жирными стрелками. ${history ? '' : 'История недоступна: путь показан по данным наставничества.'}`),
        h('div', { class: 'diagram-wrap' }, lifecycleDiagram(graph, { current: m.state, path: pathOf(m, graph, history), regions: regionsOf(m) })),
        h('p', {}, h('a', { class: 'button secondary', href: `#/mentorships/${m.id}/audit` }, 'История и аудит'))),
    ),
  );
}
