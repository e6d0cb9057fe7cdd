import { h, uid } from './dom.js';

/**
 * A horizontal bar chart as a list: each row keeps its label and figure as text (read by screen
 * readers, printed as is) and draws the bar beside it; no chart library, nothing to download.
 * `items`: `{ label, value, text?, href?, class? }`; `max` defaults to the largest value (1 for shares).
 */
export function barChart({ title, items, max, format = (v) => String(v) }) {
  const top = Math.max(max ?? 0, ...items.map((i) => i.value ?? 0), 1);
  const titleId = uid('chart');
  return h('figure', { class: 'chart-figure', 'aria-labelledby': titleId },
    h('figcaption', { id: titleId }, title),
    h('ul', { class: 'bars' }, items.map((item) => {
      const bar = h('span', { class: 'bar-fill' });
      // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy.
      bar.style.width = `${item.value ? Math.max(1, (item.value / top) * 100) : 0}%`;
      return h('li', { class: ['bar-row', item.class] },
        h('span', { class: 'bar-label' }, item.href ? h('a', { href: item.href }, item.label) : item.label),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
        h('span', { class: 'bar-value' }, item.text ?? format(item.value)));
    })));
}
