import type { RecordedEvent } from '#libs/event-store';
import { streamMatches, type Projection, type Row, type TableSpec, type ViewRows } from './projection';
import type { ReadModelDatabase } from './read-model.database';

/** A view with the rows it stands for, so a view's old rows are never computed twice. */
export interface Stored<V> {
  view: V;
  rows: ViewRows;
}

interface TableSql {
  spec: TableSpec;
  columns: readonly string[];
  upsert: string;
  remove: string;
}

const rowKey = (t: TableSpec, r: Row): string => t.key.map((k) => String(r[k])).join('\u0000');
const placeholders = (cols: readonly string[]) => cols.map(() => '?').join(', ');
const columnList = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');

function tableSql(prefix: string, spec: TableSpec): TableSql {
  const cols = spec.columns;
  return {
    spec,
    columns: cols,
    upsert: `INSERT OR REPLACE INTO "${prefix}${spec.name}" (${columnList(cols)}) VALUES (${placeholders(cols)})`,
    remove: `DELETE FROM "${prefix}${spec.name}" WHERE ${spec.key.map((k) => `"${k}" = ?`).join(' AND ')}`,
  };
}

/** Positional parameters: binding by name costs a property lookup per column per row. */
function values(row: Row, columns: readonly string[]): unknown[] {
  const out = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = row[columns[i]] ?? null;
  return out;
}

/**
 * The thin writer every projection shares: within the caller's transaction it loads each view
 * an event batch touches once, folds the batch through the pure `project`, and writes only the
 * rows that differ. Views last written are kept in memory (bounded), but only after their
 * transaction committed; a failed batch forgets them.
 */
export class ProjectionWriter<V> {
  private readonly cache = new Map<string, Stored<V>>();
  private readonly cacheLimit: number;
  private readonly main: TableSql;
  private readonly derived: TableSql[];
  private readonly loadSql: string;
  private readonly saveViewSql: string;
  private readonly deleteViewSql: string;
  /** In a generation this writer fills from empty, only keys it wrote can be in the database. */
  private readonly written: Set<string> | null;

  constructor(
    private readonly db: ReadModelDatabase,
    prefix: string,
    readonly projection: Projection<V>,
    options: { fresh?: boolean; cacheLimit?: number } = {},
  ) {
    this.cacheLimit = options.cacheLimit ?? 20_000;
    this.written = options.fresh ? new Set() : null;
    this.main = tableSql(prefix, projection.main);
    this.derived = projection.derived.map((spec) => tableSql(prefix, spec));
    this.loadSql = projection.viewFromRow
      ? `SELECT * FROM "${prefix}${projection.main.name}" WHERE "${projection.main.key[0]}" = ?`
      : `SELECT view FROM "${prefix}views" WHERE projection = '${projection.name}' AND key = ?`;
    this.saveViewSql = `INSERT OR REPLACE INTO "${prefix}views" (projection, key, view) VALUES ('${projection.name}', ?, ?)`;
    this.deleteViewSql = `DELETE FROM "${prefix}views" WHERE projection = '${projection.name}' AND key = ?`;
  }

  /** Applies the events of this projection's streams; returns the views to remember once committed. */
  apply(events: readonly RecordedEvent[]): Map<string, Stored<V> | undefined> {
    const p = this.projection;
    const touched = new Map<string, { before: Stored<V> | undefined; after: V | undefined }>();
    for (const e of events) {
      if (!streamMatches(e.streamId, p.streamPrefixes)) continue;
      const key = p.keyOf(e);
      if (key === null) continue;
      let t = touched.get(key);
      if (!t) {
        const before = this.load(key);
        t = { before, after: before?.view };
        touched.set(key, t);
      }
      t.after = p.project(t.after, e);
    }
    const out = new Map<string, Stored<V> | undefined>();
    for (const [key, { before, after }] of touched) {
      if (after === before?.view) continue;
      out.set(key, this.save(key, before, after));
      this.written?.add(key);
    }
    return out;
  }

  remember(views: Map<string, Stored<V> | undefined>): void {
    for (const [key, stored] of views) {
      this.cache.delete(key);
      if (stored !== undefined) this.cache.set(key, stored);
    }
    if (this.cache.size <= this.cacheLimit) return;
    // Evict the oldest fifth in one pass: restarting `keys()` per deletion walks the holes it leaves.
    let excess = this.cache.size - Math.floor(this.cacheLimit * 0.8);
    for (const key of this.cache.keys()) {
      if (excess-- <= 0) break;
      this.cache.delete(key);
    }
  }

  forget(): void {
    this.cache.clear();
  }

  private load(key: string): Stored<V> | undefined {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.written && !this.written.has(key)) return undefined;
    const row = this.db.prepare(this.loadSql).get(key) as Row | undefined;
    if (!row) return undefined;
    const { viewFromRow } = this.projection;
    const view = viewFromRow ? viewFromRow(row) : (JSON.parse(String(row.view)) as V);
    return { view, rows: this.projection.rows(view) };
  }

  private save(key: string, before: Stored<V> | undefined, after: V | undefined): Stored<V> | undefined {
    const rows = after === undefined ? undefined : this.projection.rows(after);
    const keepJson = !this.projection.viewFromRow;
    if (rows) {
      this.db.prepare(this.main.upsert).run(values(rows.main, this.main.columns));
      if (keepJson) this.db.prepare(this.saveViewSql).run(key, JSON.stringify(after));
    } else if (before) {
      this.db.prepare(this.main.remove).run(values(before.rows.main, this.main.spec.key));
      if (keepJson) this.db.prepare(this.deleteViewSql).run(key);
    }
    for (const t of this.derived) this.writeDiff(t, before?.rows.derived[t.spec.name] ?? [], rows?.derived[t.spec.name] ?? []);
    return rows && { view: after!, rows };
  }

  private writeDiff(t: TableSql, oldRows: Row[], newRows: Row[]): void {
    if (oldRows.length === 0 && newRows.length === 0) return;
    const old = new Map(oldRows.map((r) => [rowKey(t.spec, r), r]));
    for (const r of newRows) {
      const k = rowKey(t.spec, r);
      const prior = old.get(k);
      old.delete(k);
      if (prior && JSON.stringify(prior) === JSON.stringify(r)) continue;
      this.db.prepare(t.upsert).run(values(r, t.columns));
    }
    for (const r of old.values()) this.db.prepare(t.remove).run(values(r, t.spec.key));
  }
}
