import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The statement surface the rest of the library uses, so only this file knows the driver. */
export interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): any;
  all(...params: unknown[]): any[];
}

export interface ReadModelDatabaseOptions {
  /** `${DATA_DIR}/readmodels.sqlite`, or `:memory:` for a throwaway app or test. */
  file: string;
  /** SQLite's page cache (default 64 MB, for rebuilds); the API, whose memory has other uses, asks for less. */
  cacheMb?: number;
}

const STATEMENT_CACHE_LIMIT = 500;

/**
 * The read-model database: its own SQLite file, separate from the event log, because it can
 * always be rebuilt from the log. WAL lets the API read while a projector (in-process or a
 * separate process) writes; `synchronous = NORMAL` is enough because a lost tail is re-projected
 * from the checkpoint, which is committed in the same transaction as the rows.
 */
export class ReadModelDatabase {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private closed = false;

  constructor(readonly options: ReadModelDatabaseOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    // Rows carry their view as JSON (about a kilobyte): bigger pages hold them without overflow pages (new files only).
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma(`cache_size = -${(options.cacheMb ?? 64) * 1024}`);
    // An erased name must not survive in a freed cell or page (152-ФЗ destruction): freed content is zeroed.
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Prepared once per SQL text (table names carry the generation, so a swap prepares anew). */
  prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Rows as arrays of column values: much cheaper than objects when a report reads thousands. */
  tuples(sql: string, ...params: unknown[]): unknown[][] {
    const key = `raw:${sql}`;
    let s = this.statements.get(key) as (Statement & { raw(on: boolean): Statement }) | undefined;
    if (!s) {
      s = this.db.prepare(sql).raw(true) as unknown as Statement & { raw(on: boolean): Statement };
      this.statements.set(key, s);
    }
    return s.all(...params) as unknown[][];
  }

  /** Copies the WAL into the file and empties it, so no older page (an erased name) stays in the WAL. */
  truncateWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  exec(sql: string): void {
    this.statements.clear();
    this.db.exec(sql);
  }

  /** `IMMEDIATE` takes the write lock up front, so two projector processes never deadlock on upgrade. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Several reads that must see one state of the file, while another process may be writing. */
  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  /** A rebuild into a fresh generation may skip fsync: until the swap nothing reads it. */
  setDurable(durable: boolean): void {
    this.db.pragma(`synchronous = ${durable ? 'NORMAL' : 'OFF'}`);
  }

  getMeta(key: string): string | undefined {
    return (this.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  deleteMeta(prefix: string): void {
    this.prepare('DELETE FROM meta WHERE substr(key, 1, length(?)) = ?').run(prefix, prefix);
  }

  /** Tables and views whose name starts with `prefix` (no LIKE: `_` would be a wildcard). */
  tableNames(prefix: string): { name: string; type: 'table' | 'view' }[] {
    return this.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND substr(name, 1, length(?)) = ?")
      .all(prefix, prefix) as { name: string; type: 'table' | 'view' }[];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}
