import { h, uid } from './dom.js';
import { enumChoices, errorSlot, labelText, leafNode, objectNode, requiredMark, typeOf } from './schema-fields.js';

/* Array fields of a generated form: a choice of several known values, or a list the user grows. */

function choiceList(schema, ctx, meta) {
  const items = schema.items ?? {};
  if (ctx.options[meta.name]) return ctx.options[meta.name];
  if (items.enum) return enumChoices(items.enum, ctx);
  return null;
}

export function arrayNode(schema, ctx, meta) {
  const choices = choiceList(schema, ctx, meta);
  if (choices) return checkboxGroup(schema, choices, meta);
  return repeatable(schema, ctx, meta);
}

/** Several values from a known list: a group of checkboxes. */
function checkboxGroup(schema, choices, meta) {
  const err = errorSlot();
  const boxes = choices.map((c) => {
    const id = uid('f');
    const input = h('input', { type: 'checkbox', id, value: c.value, disabled: c.disabled, checked: (meta.top && c.checked) || false, 'aria-describedby': err.el.id });
    return { input, el: h('div', { class: 'check' }, input, h('label', { for: id }, c.label)) };
  });
  const el = h('fieldset', { class: 'group choices' }, h('legend', {}, labelText(schema, meta), requiredMark(meta.required)), boxes.map((b) => b.el), err.el);
  return {
    el,
    read() {
      const values = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
      return values.length || meta.required ? values : undefined;
    },
    showError(_path, message) {
      err.show(message);
      return true;
    },
    clearErrors: () => err.clear(),
    focus: () => boxes[0]?.input.focus(),
  };
}

/** A list the user grows and shrinks: text values, or whole fieldsets for objects (program activities). */
function repeatable(schema, ctx, meta) {
  const itemSchema = schema.items ?? { type: 'string' };
  const min = Math.max(schema.minItems ?? 0, meta.required ? 1 : 0);
  const max = schema.maxItems ?? Infinity;
  const err = errorSlot();
  const list = h('ol', { class: 'repeat-list' });
  const title = labelText(schema, meta);
  const items = [];
  const addButton = h('button', { type: 'button', class: 'secondary small', on: { click: () => add(true) } }, '+ Добавить');
  addButton.setAttribute('aria-label', `Добавить: ${title}`);

  function renumber() {
    items.forEach((item, i) => {
      item.number.textContent = `№ ${i + 1}`;
      item.remove.setAttribute('aria-label', `Удалить № ${i + 1}: ${title}`);
      item.remove.disabled = items.length <= min;
    });
    addButton.disabled = items.length >= max;
  }

  function add(focus) {
    const index = items.length;
    const node = typeOf(itemSchema) === 'object'
      ? objectNode(itemSchema, ctx, { name: meta.name, path: [...meta.path, index], root: true, nested: true })
      : leafNode({ ...itemSchema, description: `${title}, № ${index + 1}` }, ctx, { name: `${meta.name}[]`, path: [...meta.path, index], required: true });
    const number = h('span', { class: 'repeat-number' });
    const remove = h('button', { type: 'button', class: 'link danger small' }, 'Удалить');
    const li = h('li', { class: 'repeat-item' }, h('div', { class: 'repeat-head' }, number, remove), node.el);
    const item = { node, li, number, remove };
    remove.addEventListener('click', () => {
      items.splice(items.indexOf(item), 1);
      li.remove();
      renumber();
      addButton.focus();
    });
    items.push(item);
    list.append(li);
    renumber();
    if (focus) node.focus();
  }

  for (let i = 0; i < Math.max(min, 1); i++) add(false);
  const el = h('fieldset', { class: 'group repeat' }, h('legend', {}, title, requiredMark(meta.required)), err.el, list, addButton);
  // The rows last sent, in the order the API numbers them: an empty row is left out, so «№ 3» of the API may be the 4th on screen.
  let sent = items;
  return {
    el,
    read() {
      const filled = items.map((item) => ({ item, value: item.node.read() }))
        .filter(({ value: v }) => v !== undefined && v !== '' && !(typeof v === 'object' && Object.keys(v).length === 0));
      sent = filled.map(({ item }) => item);
      const values = filled.map(({ value }) => value);
      return values.length || meta.required ? values : undefined;
    },
    showError([index, ...rest], message) {
      const item = sent[Number(index)];
      if (index !== undefined && item && item.node.showError(rest, message)) return true;
      err.show(message);
      return true;
    },
    clearErrors() {
      err.clear();
      items.forEach((i) => i.node.clearErrors());
    },
    focus: () => items[0]?.node.focus(),
  };
}

