import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import {
  StoreUnavailableError, matchesFilter,
  type AppendResult, type EventStore, type ExpectedRevision, type LogPosition, type NewEvent,
  type ReadAllOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import { backupEventsFile } from './sqlite-backup';
import { openEventsFile, type EventRow } from './sqlite-file';
import type { AppendWriter, CommitInfo } from './append-writer';
import { SqliteInlineWriter } from './sqlite-inline.writer';
import { describeFailure } from './sqlite-outcome';
import { subscribeToLog } from './sqlite-subscription';
import { SqliteWriterThread } from './sqlite-writer.thread';

export interface SqliteEventStoreOptions {
  /** Path of the database file; `:memory:` for throwaway tests. */
  file: string;
  /** Clock for the store's own `created` stamp. */
  now?: () => Date;
  /** How often a subscription looks for events written by another process. */
  pollMs?: number;
  /** `thread` (default for a file): a worker thread owns the write connection and waits for fsync; `inline`: this thread does. */
  writer?: 'thread' | 'inline';
}

/** `[position, event id, stream, revision, type, data JSON, metadata JSON, created]`, as in the file. */
export type StoredEventRow = [number, string, string, number, string, string, string, string];

const pos = (n: number): LogPosition => ({ commit: BigInt(n), prepare: BigInt(n) });

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous = FULL`, so an append is
 * acknowledged only once it is on disk. Appends arriving together are committed in one
 * transaction (group commit), each still checked against its own expected revision under a
 * savepoint, so a conflicting append fails alone and writes nothing. Reads use this thread's
 * connection; writes go to a writer thread, so a commit's fsync never blocks the event loop.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly writer: AppendWriter;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly appended = new EventEmitter();
  private closed = false;
  private readonly stmts;
  /** The database file (`:memory:` for a throwaway store). */
  readonly file: string;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.db = openOrExplain(options.file);
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 250;
    this.appended.setMaxListeners(0);
    const committed = (info: CommitInfo) => {
      this.appended.emit('commit', info);
      this.appended.emit('appended');
    };
    this.writer = options.writer === 'inline' || options.file === ':memory:'
      ? new SqliteInlineWriter(this.db, options.file, committed)
      : new SqliteWriterThread(options.file, committed);
    this.stmts = {
      stream: this.db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision'),
      all: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      stored: this.db.prepare<[number, number], StoredEventRow>('SELECT position, event_id, stream_id, revision, type, data, metadata, created FROM events WHERE position > ? ORDER BY position LIMIT ?').raw(true),
      ping: this.db.prepare('SELECT 1'),
    };
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new StoreUnavailableError('Хранилище событий закрыто.');
    if (events.length === 0) throw new Error('append needs at least one event');
    const written = await this.writer.append({ streamId, expected, created: this.now().toISOString(), events });
    return { nextRevision: written.nextRevision, position: pos(written.position) };
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

  /**
   * A page of the log as stored, unparsed: integrity verification hashes the JSON text itself, and
   * parsing it (what `readAll` does) costs more than the hashing.
   */
  readStoredPage(after: LogPosition | undefined, maxCount: number): StoredEventRow[] {
    return this.stmts.stored.all(after ? Number(after.commit) : -1, maxCount);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return subscribeToLog({ appended: this.appended, readAll: (o) => this.readAllSync(o), isClosed: () => this.closed, pollMs: this.pollMs }, options);
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      this.stmts.ping.get();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Another connection to this file has committed (a writer in another thread that says so): the
   * subscriptions read on now instead of at their next poll.
   */
  wakeSubscriptions(): void {
    this.appended.emit('appended');
  }

  /** Calls `listener` after every group commit (for metrics: appends per transaction, time to disk). */
  onCommit(listener: (info: CommitInfo) => void): () => void {
    this.appended.on('commit', listener);
    return () => this.appended.off('commit', listener);
  }

  /** An online backup to `file` (SQLite's backup API): a consistent copy while appends go on. */
  backup(file: string): Promise<{ events: number }> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('Хранилище событий закрыто.'));
    return backupEventsFile(this.db, file);
  }

  /** Commits every append already asked for, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.close();
    this.appended.emit('appended');
    this.db.close();
  }
}

/** SQLite cannot even read a WAL file in a directory it may not write: say so in words an operator can act on. */
function openOrExplain(file: string): Database.Database {
  try {
    return openEventsFile(file);
  } catch (error) {
    const failure = describeFailure(error, file);
    const message = failure.reason === 'read-only'
      ? `Каталог данных ${dirname(file)} доступен только для чтения: хранилище событий не открыть (${failure.message}).`
      : `Не удалось открыть хранилище событий ${file}: ${failure.message}.`;
    throw new StoreUnavailableError(message, error, failure.reason);
  }
}

function toRecorded(r: EventRow): RecordedEvent {
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
