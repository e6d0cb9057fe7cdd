import { ApiError } from './api.js';
import { h, put } from './dom.js';
import { objectNode } from './schema-fields.js';
import { arrayNode } from './schema-lists.js';
import { fieldMessages, problemView } from './problem-view.js';

/**
 * A form generated from a JSON Schema (the one the API validates the body with), so a new step
 * needs no hand-written form. Labels are the schema's Russian `description`s; enums become
 * selects with Russian words from the vocabulary; arrays of objects become repeatable fieldsets;
 * `format: date` becomes a date input. The API judges the values: its refusals are shown next to
 * the fields they name, with the clause of the regulation.
 *
 * `options[name]`: choices for a field the schema only knows as an id (participants, activities);
 * `fixed[name]`: a value the page already knows (not shown); `defaults[name]`: a starting value.
 */
export function schemaForm({ schema, vocabulary, options = {}, fixed = {}, defaults = {}, submitLabel = 'Сохранить', onSubmit, onCancel, describedBy }) {
  const ctx = { vocabulary, options, defaults, arrayNode };
  const summary = h('div', { class: 'form-summary' });
  const root = objectNode(schema, ctx, { path: [], root: true, fixed });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: 'schema-form', novalidate: true, 'aria-describedby': describedBy },
    summary,
    root.el,
    h('div', { class: 'form-actions' },
      submit,
      onCancel ? h('button', { type: 'button', class: 'secondary', on: { click: onCancel } }, 'Отмена') : null,
    ),
  );
  const fieldNames = Object.keys(schema.properties ?? {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    root.clearErrors();
    put(summary);
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await onSubmit({ ...root.read(), ...fixed });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const view = problemView(error.problem);
      put(summary, view);
      for (const { path, message } of fieldMessages(error.problem, fieldNames)) root.showError(path ? path.split('.') : [], message);
      view.focus();
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return { form, focus: () => root.focus() };
}
