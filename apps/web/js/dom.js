/**
 * Builds DOM nodes without innerHTML, so text from the server is never parsed as markup.
 * `h('a', { href, class: 'x', on: { click } }, 'text', child, [more])`.
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key in el && !(el instanceof SVGElement) && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

let counter = 0;
/** A page-unique id for label/aria pairs. */
export const uid = (prefix = 'id') => `${prefix}-${++counter}`;

/** Says something to screen readers through the page's live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 50);
}

/** `el.append` that skips null/false and flattens arrays (the native one would print "null"). */
export const add = (el, ...children) => append(el, children);

/** Replaces an element's content, with the same rules as `add`. */
export function put(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
