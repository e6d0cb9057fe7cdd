import { h, uid } from './dom.js';

/*
 * The fields of a generated form, one node per JSON Schema node. Every node has `el` (its DOM),
 * `read()` (its value, `undefined` when left empty), `showError(path, message)` (route a message
 * down to the field it names), `clearErrors()` and `focus()`. Arrays are `ctx.arrayNode` (schema-lists.js,
 * which builds its items from the nodes here), given by the form, so the two modules do not import each other.
 */

/** Russian words for an enum: the vocabulary dictionary that knows every one of its values. */
export function enumChoices(values, ctx) {
  const dict = Object.values(ctx.vocabulary?.enums ?? {}).find((d) => values.every((v) => v in d));
  return values.map((value) => ({ value, label: dict ? capital(dict[value]) : value }));
}

const capital = (t) => (t ? t[0].toUpperCase() + t.slice(1) : t);
export const typeOf = (schema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

function nodeFor(schema, ctx, meta) {
  const type = typeOf(schema);
  if (type === 'object') return objectNode(schema, ctx, meta);
  if (type === 'array') return ctx.arrayNode(schema, ctx, meta);
  return leafNode(schema, ctx, meta);
}

export function labelText(schema, meta) {
  return schema.description ?? meta.name ?? '';
}

export function requiredMark(required) {
  // The star is for the eye; assistive technology hears `aria-required` instead.
  return required ? h('span', { class: 'required', title: 'обязательно', 'aria-hidden': 'true' }, ' *') : h('span', { class: 'optional' }, ' (необязательно)');
}

export function errorSlot() {
  const el = h('p', { class: 'field-error', id: uid('err'), hidden: true });
  return {
    el,
    show(message) {
      el.textContent = el.hidden ? message : `${el.textContent} ${message}`;
      el.hidden = false;
    },
    clear() {
      el.textContent = '';
      el.hidden = true;
    },
  };
}

export function objectNode(schema, ctx, meta) {
  const required = new Set(schema.required ?? []);
  const children = Object.entries(schema.properties ?? {})
    .filter(([name]) => !(meta.fixed && name in meta.fixed))
    .map(([name, sub]) => [name, nodeFor(sub, ctx, { name, path: [...meta.path, name], required: required.has(name), top: meta.root && !meta.nested })]);
  const err = errorSlot();
  const body = children.map(([, n]) => n.el);
  const el = meta.root
    ? h('div', { class: 'fields' }, err.el, body)
    : h('fieldset', { class: 'group' }, h('legend', {}, labelText(schema, meta), requiredMark(meta.required)), err.el, body);
  return {
    el,
    read() {
      const out = {};
      for (const [name, n] of children) {
        const v = n.read();
        if (v !== undefined) out[name] = v;
      }
      // A group left empty is not sent: an optional one (the supplementary agreement) stays absent.
      return meta.root || Object.keys(out).length ? out : undefined;
    },
    showError([head, ...rest], message) {
      const child = children.find(([name]) => name === head);
      if (child && child[1].showError(rest, message)) return true;
      err.show(message);
      return true;
    },
    clearErrors() {
      err.clear();
      children.forEach(([, n]) => n.clearErrors());
    },
    focus() {
      children[0]?.[1].focus();
    },
  };
}

export function leafNode(schema, ctx, meta) {
  const type = typeOf(schema);
  const id = uid('f');
  const err = errorSlot();
  const choices = ctx.options[meta.name] ?? (schema.enum ? enumChoices(schema.enum, ctx) : null);
  const initial = meta.top ? ctx.defaults[meta.name] : undefined;
  const label = h('label', { for: id }, labelText(schema, meta), requiredMark(meta.required));
  const common = { id, name: meta.path.join('.'), 'aria-describedby': err.el.id, 'aria-required': meta.required ? 'true' : undefined };

  if (type === 'boolean') {
    const name = uid('b');
    const radios = [['true', 'Да'], ['false', 'Нет']].map(([value, text]) => {
      const rid = uid('f');
      const input = h('input', { type: 'radio', id: rid, name, value, checked: initial !== undefined && String(initial) === value });
      return { input, el: h('span', { class: 'check' }, input, h('label', { for: rid }, text)) };
    });
    const el = h('fieldset', { class: 'group inline', 'aria-describedby': err.el.id }, h('legend', {}, labelText(schema, meta), requiredMark(meta.required)), radios.map((r) => r.el), err.el);
    return {
      el,
      read() {
        const picked = radios.find((r) => r.input.checked);
        return picked ? picked.input.value === 'true' : undefined;
      },
      showError: (_p, m) => (err.show(m), true),
      clearErrors: () => err.clear(),
      focus: () => radios[0].input.focus(),
    };
  }

  let input;
  if (choices) {
    input = h('select', common,
      h('option', { value: '' }, '— выберите —'),
      choices.map((c) => h('option', { value: c.value, disabled: c.disabled, selected: initial === c.value }, c.label)));
  } else if (type === 'integer' || type === 'number') {
    input = h('input', { ...common, type: 'number', inputmode: 'numeric', min: schema.minimum, max: schema.maximum, step: type === 'integer' ? 1 : 'any', value: initial ?? '' });
  } else if (schema.format === 'date') {
    input = h('input', { ...common, type: 'date', value: initial ?? '' });
  } else if ((schema.maxLength ?? 0) > 1000) {
    input = h('textarea', { ...common, rows: 4, maxlength: schema.maxLength }, initial ?? '');
  } else {
    input = h('input', { ...common, type: 'text', maxlength: schema.maxLength, value: initial ?? '', autocomplete: 'off' });
  }
  const el = h('div', { class: 'field' }, label, input, err.el);
  return {
    el,
    read() {
      const raw = input.value.trim();
      if (raw === '') return undefined;
      if (type === 'integer' || type === 'number') return Number.isNaN(Number(raw)) ? raw : Number(raw);
      return raw;
    },
    showError(_path, message) {
      err.show(message);
      input.setAttribute('aria-invalid', 'true');
      el.classList.add('invalid');
      return true;
    },
    clearErrors() {
      err.clear();
      input.removeAttribute('aria-invalid');
      el.classList.remove('invalid');
    },
    focus: () => input.focus(),
  };
}
