import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ConcurrencyError, StoreUnavailableError, matchesFilter,
  type AppendResult, type EventStore, type ExpectedRevision, type LogPosition, type NewEvent,
  type ReadAllOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';

export interface SqliteEventStoreOptions {
  /** Path of the database file; `:memory:` for throwaway tests. */
  file: string;
  /** Clock for the store's own `created` stamp. */
  now?: () => Date;
  /** How often a subscription looks for events written by another process. */
  pollMs?: number;
}

interface Row {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

const pos = (n: number): LogPosition => ({ commit: BigInt(n), prepare: BigInt(n) });

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous = FULL`, so an append is
 * acknowledged only once it is on disk. Appends arriving together are committed in one
 * transaction (group commit), each still checked against its own expected revision under a
 * savepoint, so a conflicting append fails alone and writes nothing.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly appended = new EventEmitter();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly stmts;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position  INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id  TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL,
        revision  INTEGER NOT NULL,
        type      TEXT NOT NULL,
        data      TEXT NOT NULL,
        metadata  TEXT NOT NULL,
        created   TEXT NOT NULL,
        UNIQUE (stream_id, revision)
      );
    `);
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 250;
    this.appended.setMaxListeners(0);
    this.stmts = {
      head: this.db.prepare<[string], { revision: number | null }>('SELECT max(revision) AS revision FROM events WHERE stream_id = ?'),
      insert: this.db.prepare(
        'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      byId: this.db.prepare<[string], Row>('SELECT * FROM events WHERE event_id = ?'),
      stream: this.db.prepare<[string, number], Row>('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision'),
      all: this.db.prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    };
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('Хранилище событий закрыто.'));
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    const outcomes: ({ ok: AppendResult } | { error: unknown })[] = [];
    const appendOne = this.db.transaction((p: PendingAppend) => this.write(p));
    try {
      this.db.transaction(() => {
        for (const p of batch) {
          try {
            outcomes.push({ ok: appendOne(p) });
          } catch (error) {
            if (error instanceof ConcurrencyError) outcomes.push({ error });
            else throw error;
          }
        }
      })();
    } catch (error) {
      const failure = new StoreUnavailableError(`Не удалось записать события: ${(error as Error).message}`, error);
      for (const p of batch) p.reject(failure);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error);
    });
    this.appended.emit('appended');
  }

  private write({ streamId, events, expected }: PendingAppend): AppendResult {
    const head = this.stmts.head.get(streamId)?.revision ?? null;
    const retried = this.alreadyAppended(streamId, events);
    if (retried) return retried;
    const actual = head === null ? 'no_stream' : head;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && head === null) ||
      (expected === 'stream_exists' && head !== null) ||
      (typeof expected === 'number' && head === expected);
    if (!ok) throw new ConcurrencyError(streamId, expected, actual);
    const created = this.now().toISOString();
    let revision = head ?? -1;
    let position = 0;
    for (const e of events) {
      revision += 1;
      const info = this.stmts.insert.run(e.id, streamId, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), created);
      position = Number(info.lastInsertRowid);
    }
    return { nextRevision: revision, position: pos(position) };
  }

  /** A retry of an append already made (same event ids, same stream) succeeds without writing. */
  private alreadyAppended(streamId: string, events: NewEvent[]): AppendResult | null {
    const rows = events.map((e) => this.stmts.byId.get(e.id));
    if (rows.every((r) => r === undefined)) return null;
    if (rows.every((r) => r?.stream_id === streamId)) {
      const last = rows[rows.length - 1]!;
      return { nextRevision: last.revision, position: pos(last.position) };
    }
    throw new ConcurrencyError(streamId, 'any', this.stmts.head.get(streamId)?.revision ?? 'no_stream');
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return this.stmts.stream.all(streamId, fromRevision).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options);
  }

  private readAllSync(options: ReadAllOptions): RecordedEvent[] {
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    let after = options.after ? Number(options.after.commit) : -1;
    // Scan in pages so a filter that skips most events still stops at `maxCount`.
    for (;;) {
      const rows = this.stmts.all.all(after, 1000);
      for (const r of rows) {
        if (matchesFilter(r.stream_id, options)) out.push(toRecorded(r));
        if (out.length >= limit) return out;
      }
      if (rows.length < 1000) return out;
      after = rows[rows.length - 1].position;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    let after = options.after;
    let active = true;
    let wake: (() => void) | null = null;
    const onAppend = () => wake?.();
    this.appended.on('appended', onAppend);
    const store = this;
    const stop = async () => {
      active = false;
      store.appended.off('appended', onAppend);
      wake?.();
    };
    async function* events(): AsyncGenerator<RecordedEvent> {
      try {
        while (active && !store.closed) {
          const batch = store.readAllSync({ ...options, after, maxCount: 500 });
          for (const e of batch) {
            if (!active) return;
            after = e.position;
            yield e;
          }
          if (batch.length === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, store.pollMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
          }
        }
      } finally {
        await stop();
      }
    }
    const iterator = events();
    return { [Symbol.asyncIterator]: () => iterator, unsubscribe: stop };
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      this.db.prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.queue.length > 0) this.flush();
    this.closed = true;
    this.appended.emit('appended');
    this.db.close();
  }
}

function toRecorded(r: Row): RecordedEvent {
  return {
    id: r.event_id,
    streamId: r.stream_id,
    revision: r.revision,
    position: pos(r.position),
    type: r.type,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    created: r.created,
  };
}
