import type { AnyProjection } from './projection';
import type { ReadModelDatabase } from './read-model.database';
import { READ_MODEL_SCHEMA_VERSION, generationDdl, tablePrefix } from './read-model.schema';

/**
 * Blue-green read models: each build is a "generation" of tables (`g<n>_…`) in the same file.
 * Queries and the live projector use the active one; a rebuild fills a new one beside it and
 * activates it in one write once caught up. The previous generation stays until the next rebuild.
 */
const ACTIVE = 'active_generation';
const LAST = 'last_generation';
const schemaKey = (g: number) => `generation:${g}:schema`;
const storeKey = (g: number) => `generation:${g}:store`;

export function activeGeneration(db: ReadModelDatabase): number | null {
  const v = db.getMeta(ACTIVE);
  return v === undefined ? null : Number(v);
}

export function createGeneration(db: ReadModelDatabase, projections: readonly AnyProjection[], withIndexes = true): number {
  return db.transaction(() => {
    const g = Number(db.getMeta(LAST) ?? '0') + 1;
    db.exec(generationDdl(g, projections, withIndexes));
    db.setMeta(LAST, String(g));
    db.setMeta(schemaKey(g), String(READ_MODEL_SCHEMA_VERSION));
    return g;
  });
}

export function activate(db: ReadModelDatabase, generation: number): void {
  db.setMeta(ACTIVE, String(generation));
}

export function dropGeneration(db: ReadModelDatabase, generation: number): void {
  const prefix = tablePrefix(generation);
  db.transaction(() => {
    for (const t of db.tableNames(prefix).sort((a, b) => (a.type === 'view' ? -1 : b.type === 'view' ? 1 : 0))) {
      db.exec(`DROP ${t.type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${t.name}"`);
    }
    db.deleteMeta(`generation:${generation}:`);
  });
}

/** Generations other than the active one (left by an earlier rebuild or an interrupted one). */
export function inactiveGenerations(db: ReadModelDatabase): number[] {
  const active = activeGeneration(db);
  const last = Number(db.getMeta(LAST) ?? '0');
  const out: number[] = [];
  for (let g = 1; g <= last; g++) if (g !== active && db.tableNames(tablePrefix(g)).length > 0) out.push(g);
  return out;
}

/**
 * The generation to serve from: the active one when its schema is current, else a new empty one
 * (activated at once: the projector fills it from the start of the log).
 */
export function ensureActiveGeneration(db: ReadModelDatabase, projections: readonly AnyProjection[]): number {
  return db.transaction(() => {
    const active = activeGeneration(db);
    if (active !== null && db.getMeta(schemaKey(active)) === String(READ_MODEL_SCHEMA_VERSION)) return active;
    const g = createGeneration(db, projections);
    activate(db, g);
    return g;
  });
}

/** The first event's id marks which log a generation was built from, so a new log is never mixed with old rows. */
export const storeMark = (db: ReadModelDatabase, g: number): string | undefined => db.getMeta(storeKey(g));
export const setStoreMark = (db: ReadModelDatabase, g: number, firstEventId: string): void => db.setMeta(storeKey(g), firstEventId);
