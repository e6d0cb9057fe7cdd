import type { AnyProjection, TableSpec } from './projection';

/** Bump when a projection's rows or views change shape: the next start builds a new generation. */
export const READ_MODEL_SCHEMA_VERSION = 5;

export const tablePrefix = (generation: number): string => `g${generation}_`;

const columnList = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');

/** Keyed by text ids, so WITHOUT ROWID: one b-tree per table instead of a table and its key index. */
const tableDdl = (prefix: string, t: TableSpec): string =>
  `CREATE TABLE IF NOT EXISTS "${prefix}${t.name}" (${columnList(t.columns)}, PRIMARY KEY (${columnList(t.key)})) WITHOUT ROWID`;

const tablesOf = (p: AnyProjection): TableSpec[] => [p.main, ...p.derived];

/** Secondary indexes; a rebuild creates them after loading, which is much cheaper than keeping them up row by row. */
export function indexDdl(generation: number, projections: readonly AnyProjection[]): string {
  const p = tablePrefix(generation);
  return projections
    .flatMap((proj) => tablesOf(proj).flatMap((t) =>
      (t.indexes ?? []).map((cols, i) => `CREATE INDEX IF NOT EXISTS "${p}${t.name}_i${i}" ON "${p}${t.name}" (${columnList(cols)})`)))
    .join(';\n');
}

/**
 * One generation: each projection's tables, its SQL views, the views' JSON and the checkpoints.
 * The JSON lives in its own table so the rows queries and reports scan stay small.
 */
export function generationDdl(generation: number, projections: readonly AnyProjection[], withIndexes = true): string {
  const p = tablePrefix(generation);
  return [
    `CREATE TABLE IF NOT EXISTS "${p}checkpoints" (projection TEXT PRIMARY KEY, position TEXT NOT NULL, events INTEGER NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS "${p}views" (projection TEXT NOT NULL, key TEXT NOT NULL, view TEXT NOT NULL, PRIMARY KEY (projection, key))`,
    ...projections.flatMap((proj) => [proj.main, ...proj.derived].map((t) => tableDdl(p, t))),
    ...projections.flatMap((proj) => proj.sqlViews?.(p) ?? []),
    ...(withIndexes ? [indexDdl(generation, projections)] : []),
  ].join(';\n');
}
