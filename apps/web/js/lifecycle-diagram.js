import { s, uid } from './dom.js';
import { BOX_H, LANE, layout, lanes, PSEUDO_W, REGION_H, ROW_GAP } from './lifecycle-layout.js';

function wrap(text, max) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textBlock(lines, x, y, attrs) {
  return s('text', { x, y, ...attrs }, lines.map((l, i) => s('tspan', { x, dy: i === 0 ? 0 : '1.15em' }, l)));
}

/**
 * The lifecycle drawn from `GET /api/lifecycle` (the machine's own states and transitions). With
 * `current` and `path` (states in the order visited) the state now and the way it came are marked;
 * `regions` marks finished sub-states of a parallel state (reports, publication).
 */
export function lifecycleDiagram(graph, { current, path = [], regions = {}, label = 'Жизненный цикл наставничества' } = {}) {
  const states = graph.states;
  const pairs = new Map();
  for (const t of graph.transitions.filter((x) => x.to && x.to !== x.from)) {
    const key = `${t.from}>${t.to}`;
    if (!pairs.has(key)) pairs.set(key, { from: t.from, to: t.to, titles: [] });
    if (!pairs.get(key).titles.includes(t.title)) pairs.get(key).titles.push(t.title);
  }
  const edges = [...pairs.values()];
  const { box, width, height } = layout(graph, edges);
  const down = edges.filter((e) => box.get(e.to).row > box.get(e.from).row);
  const laneOf = lanes(down, box);
  const outgoingDown = (id) => down.filter((e) => e.from === id).sort((a, b) => box.get(a.to).x - box.get(b.to).x);

  const visited = new Set(path);
  const taken = new Set(path.slice(1).map((to, i) => `${path[i]}>${to}`));
  const marker = uid('arrow');
  const markerTaken = uid('arrow');
  const titleId = uid('lc');
  const descId = uid('lc');
  const titleOf = new Map(states.map((st) => [st.id, st.title]));
  const description = current
    ? `Сейчас: «${titleOf.get(current) ?? current}». Пройдено: ${path.filter((p) => p !== graph.initial).map((p) => `«${titleOf.get(p) ?? p}»`).join(' → ') || '—'}.`
    : 'Состояния наставничества и шаги между ними.';
  const arrowHead = (id, cls) => s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
  const svg = s('svg', { class: 'lifecycle', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, width, height },
    s('title', { id: titleId }, label),
    s('desc', { id: descId }, description),
    s('defs', {}, arrowHead(marker, 'lc-arrow'), arrowHead(markerTaken, 'lc-arrow taken')));

  const labelled = new Set();
  for (const e of edges) {
    const a = box.get(e.from);
    const b = box.get(e.to);
    const midA = a.y + BOX_H / 2;
    const text = e.titles.join(' / ');
    let d;
    let labelNode = null;
    if (a.row === b.row && b.rank - a.rank === 1) {
      d = `M${a.x + a.w},${midA} L${b.x - 2},${b.y + BOX_H / 2}`;
      const lines = wrap(text, 15).slice(0, 3);
      labelNode = textBlock(lines, (a.x + a.w + b.x) / 2, midA - 8 - (lines.length - 1) * 12.5, { class: 'lc-edge-label', 'text-anchor': 'middle' });
    } else if (a.row === b.row) {
      const lift = a.y - 34 - 4 * (b.rank - a.rank);
      const ax = a.x + a.w / 2;
      const bx = b.x + b.w / 2;
      d = `M${ax},${a.y} C${ax},${lift} ${bx},${lift} ${bx},${b.y - 2}`;
      labelNode = textBlock([text], (ax + bx) / 2, (a.y + 3 * lift) / 4 - 4, { class: 'lc-edge-label', 'text-anchor': 'middle' });
    } else if (b.row > a.row) {
      const outs = outgoingDown(e.from);
      const ax = a.x + a.w / 2 + (outs.indexOf(e) - (outs.length - 1) / 2) * 16;
      const laneY = b.y - ROW_GAP + 12 + laneOf.get(e.to) * LANE;
      const bx = b.x + b.w / 2;
      d = `M${ax},${a.y + a.h} V${laneY - 6} Q${ax},${laneY} ${ax + Math.sign(bx - ax) * 6},${laneY} H${bx - Math.sign(bx - ax) * 6} Q${bx},${laneY} ${bx},${laneY + 6} V${b.y - 2}`;
      if (Math.abs(bx - ax) < 1) d = `M${ax},${a.y + a.h} V${b.y - 2}`;
      const lines = wrap(text, 22).slice(0, 2);
      // Beside the final drop; on its left when the right side has no room.
      const right = bx + 7 + Math.max(...lines.map((l) => l.length)) * 6.3 < width;
      labelNode = textBlock(lines, right ? bx + 7 : bx - 7, b.y - 20 - (lines.length - 1) * 12.5 + 8, { class: 'lc-edge-label', 'text-anchor': right ? 'start' : 'end' });
    } else {
      d = `M${a.x + a.w},${midA} C${b.x - 30},${midA} ${b.x - 30},${b.y + BOX_H / 2} ${b.x - 2},${b.y + BOX_H / 2}`;
    }
    const isTaken = taken.has(`${e.from}>${e.to}`);
    const key = `${e.to}|${text}`;
    const showLabel = labelNode && !labelled.has(key);
    labelled.add(key);
    svg.append(s('g', { class: ['lc-edge', isTaken && 'taken'], dataset: { from: e.from, to: e.to } },
      s('title', {}, `${titleOf.get(e.from)} → ${titleOf.get(e.to)}: ${e.titles.join('; ')}`),
      s('path', { d, 'marker-end': `url(#${isTaken ? markerTaken : marker})` }),
      showLabel ? labelNode : null));
  }

  for (const st of states) {
    const p = box.get(st.id);
    const loops = [...new Set(graph.transitions.filter((t) => t.from === st.id && !t.to).map((t) => t.title))];
    const cls = ['lc-state', visited.has(st.id) && 'visited', current === st.id && 'current', st.type === 'final' && 'final'];
    if (st.id === graph.initial) {
      svg.append(s('g', { class: cls, dataset: { state: st.id } },
        s('title', {}, st.title),
        s('circle', { cx: p.x + PSEUDO_W / 2, cy: p.y + BOX_H / 2, r: 9, class: 'lc-initial' }),
        s('text', { x: p.x + PSEUDO_W / 2, y: p.y + BOX_H / 2 + 26, 'text-anchor': 'middle', class: 'lc-note' }, 'начало')));
      continue;
    }
    const lines = wrap(st.title, 15);
    svg.append(s('g', { class: cls, dataset: { state: st.id } },
      s('title', {}, `${st.title}${current === st.id ? ' — текущее состояние' : ''}${loops.length ? `. Шаги внутри состояния: ${loops.join('; ')}` : ''}`),
      s('rect', { x: p.x, y: p.y, width: p.w, height: p.h, rx: 10 }),
      st.type === 'final' ? s('rect', { x: p.x + 3, y: p.y + 3, width: p.w - 6, height: p.h - 6, rx: 8, class: 'lc-inner' }) : null,
      textBlock(lines, p.x + p.w / 2, p.y + (lines.length > 1 ? 22 : 31), { 'text-anchor': 'middle', class: 'lc-title' }),
      loops.length ? s('text', { x: p.x + p.w - 6, y: p.y + 13, 'text-anchor': 'end', class: 'lc-loops' }, `↻${loops.length}`) : null,
      st.regions.map((r, i) => {
        const done = regions[r.id] && r.states.at(-1)?.id === regions[r.id];
        return s('text', { x: p.x + 10, y: p.y + BOX_H + 4 + i * REGION_H, class: ['lc-region', done && 'done'] }, `${done ? '✓' : '○'} ${r.title}`);
      })));
  }
  return svg;
}

/** The states visited, in order, from the history's `stateAfter` (the machine's own verdicts). */
export function pathFromHistory(initial, entries) {
  const path = [initial];
  for (const e of entries) if (path[path.length - 1] !== e.stateAfter) path.push(e.stateAfter);
  return path;
}
