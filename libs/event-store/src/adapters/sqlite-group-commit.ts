import type Database from 'better-sqlite3';
import type { ExpectedRevision } from '../event-store.port';
import type { EventRow } from './sqlite-file';
import { describeFailure, type AppendOutcome } from './sqlite-outcome';

/** One append as it travels to the writer (JSON, when it crosses to the writer thread). */
export interface AppendRequest {
  id: number;
  streamId: string;
  expected: ExpectedRevision;
  /** The store's `created` stamp, taken when the append was asked for. */
  created: string;
  events: { id: string; type: string; data: unknown; metadata: unknown }[];
}

class Conflict {
  constructor(readonly actual: number | 'no_stream', readonly expected: ExpectedRevision) {}
}

/**
 * Commits many appends in one transaction (one fsync), each under its own savepoint and checked
 * against its own expected revision, so a conflicting append fails alone and writes nothing.
 * Synchronous: it runs on whichever thread owns the write connection.
 */
export class SqliteGroupCommit {
  private readonly head;
  private readonly insert;
  private readonly byId;
  private readonly appendOne: (r: AppendRequest) => AppendOutcome;
  private readonly commitAll: (batch: AppendRequest[]) => AppendOutcome[];

  constructor(db: Database.Database, private readonly file: string) {
    this.head = db.prepare<[string], { revision: number | null }>('SELECT max(revision) AS revision FROM events WHERE stream_id = ?');
    this.insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.byId = db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?');
    const savepoint = db.transaction((r: AppendRequest) => this.write(r));
    this.appendOne = (r) => {
      try {
        return savepoint(r);
      } catch (e) {
        if (e instanceof Conflict) return { id: r.id, conflict: { streamId: r.streamId, expected: e.expected, actual: e.actual } };
        throw e;
      }
    };
    // IMMEDIATE takes the write lock up front, so another process's writer (the CLI) waits its turn instead of failing a read-then-write upgrade.
    this.commitAll = db.transaction((batch: AppendRequest[]) => batch.map(this.appendOne)).immediate;
  }

  /** Every append gets an outcome; a failure of the whole transaction is retried one append at a time, so it blames only the culprit. */
  commit(batch: AppendRequest[]): AppendOutcome[] {
    try {
      return this.commitAll(batch);
    } catch (error) {
      if (batch.length === 1) return [{ id: batch[0].id, error: describeFailure(error, this.file) }];
      return batch.map((r) => {
        try {
          return this.commitAll([r])[0];
        } catch (e) {
          return { id: r.id, error: describeFailure(e, this.file) };
        }
      });
    }
  }

  private write(r: AppendRequest): AppendOutcome {
    const head = this.head.get(r.streamId)?.revision ?? null;
    const retried = this.alreadyAppended(r, head);
    if (retried) return retried;
    const { expected } = r;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && head === null) ||
      (expected === 'stream_exists' && head !== null) ||
      (typeof expected === 'number' && head === expected);
    if (!ok) throw new Conflict(head ?? 'no_stream', expected);
    let revision = head ?? -1;
    let position = 0;
    for (const e of r.events) {
      revision += 1;
      position = Number(this.insert.run(e.id, r.streamId, revision, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), r.created).lastInsertRowid);
    }
    return { id: r.id, nextRevision: revision, position };
  }

  /** A retry of an append already made (same event ids, same stream) succeeds without writing. */
  private alreadyAppended(r: AppendRequest, head: number | null): AppendOutcome | null {
    const rows = r.events.map((e) => this.byId.get(e.id));
    if (rows.every((row) => row === undefined)) return null;
    if (rows.every((row) => row?.stream_id === r.streamId)) {
      const last = rows[rows.length - 1]!;
      return { id: r.id, nextRevision: last.revision, position: last.position };
    }
    throw new Conflict(head ?? 'no_stream', 'any');
  }
}
