/*
 * Where the lifecycle's states sit: a column per rank (longest distance from the initial state,
 * so every arrow points right), the state that leads furthest on the main row, and lanes for the
 * arrows that go down a row.
 */
const BOX_W = 136;
const WIDE_W = 168;
export const BOX_H = 52;
export const REGION_H = 17;
const COL_GAP = 92;
export const ROW_GAP = 78;
const TOP = 74;
const LEFT = 12;
export const PSEUDO_W = 20;
export const LANE = 13;

/** Longest distance from the initial state: the column of each state, so every arrow points right. */
function ranks(states, edges, initial) {
  const rank = new Map(states.map((st) => [st.id, st.id === initial ? 0 : -Infinity]));
  for (let i = 0; i < states.length; i++) {
    for (const e of edges) if (rank.get(e.from) + 1 > rank.get(e.to)) rank.set(e.to, rank.get(e.from) + 1);
  }
  for (const [id, r] of rank) if (r === -Infinity) rank.set(id, 0);
  return rank;
}

/** Longest distance to an end: within a column the state that leads furthest goes on the main row. */
function reach(states, edges) {
  const depth = new Map(states.map((st) => [st.id, 0]));
  for (let i = 0; i < states.length; i++) {
    for (const e of edges) if (depth.get(e.to) + 1 > depth.get(e.from)) depth.set(e.from, depth.get(e.to) + 1);
  }
  return depth;
}

/** Where every state sits: columns by rank, rows by how far a state leads. */
export function layout(graph, edges) {
  const states = graph.states;
  const rank = ranks(states, edges, graph.initial);
  const depth = reach(states, edges);
  const order = new Map(states.map((st, i) => [st.id, i]));
  const columns = [];
  for (const st of states) (columns[rank.get(st.id)] ??= []).push(st);
  const widthOf = (st) => (st.id === graph.initial ? PSEUDO_W : st.regions.length ? WIDE_W : BOX_W);
  const heightOf = (st) => BOX_H + (st.regions.length ? st.regions.length * REGION_H + 6 : 0);
  const rowHeights = [];
  for (const col of columns) {
    col.sort((a, b) => depth.get(b.id) - depth.get(a.id) || order.get(a.id) - order.get(b.id));
    col.forEach((st, row) => (rowHeights[row] = Math.max(rowHeights[row] ?? 0, heightOf(st))));
  }
  const rowY = [];
  rowHeights.reduce((y, hgt, i) => ((rowY[i] = y), y + hgt + ROW_GAP), TOP);
  const box = new Map();
  let x = LEFT;
  for (const col of columns) {
    const w = Math.max(...col.map(widthOf));
    col.forEach((st, row) => box.set(st.id, { x: x + (w - widthOf(st)) / 2, y: rowY[row], w: widthOf(st), h: heightOf(st), row, rank: rank.get(st.id) }));
    x += w + COL_GAP;
  }
  return { box, width: x - COL_GAP + LEFT, height: rowY[rowY.length - 1] + rowHeights[rowHeights.length - 1] + 16, rowY };
}

/**
 * Lanes for arrows that go down a row: arrows into the same state share one (they merge like a
 * bus), and lanes whose horizontal spans overlap get different heights.
 */
export function lanes(down, box) {
  const spans = new Map();
  for (const e of down) {
    const xs = [box.get(e.from).x, box.get(e.to).x];
    const span = spans.get(e.to) ?? { lo: Infinity, hi: -Infinity };
    spans.set(e.to, { lo: Math.min(span.lo, ...xs), hi: Math.max(span.hi, ...xs) });
  }
  const taken = [];
  const lane = new Map();
  for (const [to, span] of [...spans].sort((a, b) => a[1].lo - b[1].lo)) {
    let i = 0;
    while (taken.some((t) => t.i === i && t.hi >= span.lo && t.lo <= span.hi)) i++;
    taken.push({ i, ...span });
    lane.set(to, i);
  }
  return lane;
}

