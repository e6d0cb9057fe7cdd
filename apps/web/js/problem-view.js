import { h } from './dom.js';
import { clause } from './format.js';

const FIELDS_OF_PROBLEM = new Set(['type', 'title', 'status', 'detail', 'code', 'message', 'clause', 'errors', 'fields', 'instance', 'requestId', 'allowedSteps', 'state']);

/** A refusal as people read it: what is wrong, and the clause of the regulation behind it. */
export function problemView(problem, { heading } = {}) {
  const p = problem ?? {};
  return h('div', { class: 'problem', role: 'alert', tabindex: '-1' },
    h('p', { class: 'problem-title' }, heading ?? p.title ?? 'Ошибка'),
    p.detail ? h('p', { class: 'problem-detail' }, p.detail) : null,
    p.clause ? h('p', { class: 'problem-clause' }, 'Основание: ', h('strong', {}, clause(p.clause))) : null,
    p.requestId && p.status >= 500 ? h('p', { class: 'muted' }, `Номер запроса: ${p.requestId}`) : null,
  );
}

/**
 * Where a refusal points in a form: `errors[].path` for an invalid body; for a rule's refusal the paths
 * it names in `fields` (`activities.2.due`: the third activity's due date), else the body fields it
 * names in its details (`date`, `plannedEnd`, `personId`…).
 */
export function fieldMessages(problem, fieldNames) {
  const out = [];
  for (const e of problem?.errors ?? []) out.push({ path: String(e.path ?? ''), message: e.message });
  if (!problem?.errors?.length) {
    const message = problem?.clause ? `${String(problem.detail ?? '').replace(/\.?$/, '.')} Основание: ${clause(problem.clause)}.` : problem?.detail;
    const named = Array.isArray(problem?.fields) ? problem.fields.map(String) : Object.keys(problem ?? {}).filter((key) => !FIELDS_OF_PROBLEM.has(key));
    for (const path of named) {
      if (fieldNames.includes(path.split('.')[0])) out.push({ path, message });
    }
  }
  return out;
}
