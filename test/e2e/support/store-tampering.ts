import Database from 'better-sqlite3';
import type { LogPosition, RecordedEvent } from '#libs/event-store';
import type { InMemoryLog, StoredEvent } from '../../esdb-double/in-memory-log';

/**
 * What an intruder with access to the storage could do, done beside the running app directly in an
 * adapter's storage: each returns a function that puts things back as they were.
 */
export interface StoreTampering {
  change(e: RecordedEvent, data: unknown): Promise<() => Promise<void>>;
  remove(e: RecordedEvent): Promise<() => Promise<void>>;
  /** Exchanges the stored contents of two events; their log positions stay. */
  swap(a: RecordedEvent, b: RecordedEvent): Promise<() => Promise<void>>;
  /** A copy of the whole storage as it is now; the function puts it back (an older backup restored). */
  snapshot(): Promise<() => Promise<void>>;
  /** Cuts off every event after `position`, of every stream (chain records and recorded heads included). */
  cutAfter(position: LogPosition): Promise<void>;
  /** Deletes every stream whose name starts with `prefix` (`auditchain-`: the chain records, to recompute them). */
  removeStreams(prefix: string): Promise<void>;
}

/** The embedded store's file, opened with better-sqlite3 as a second writer. */
export function sqliteTampering(file: string): StoreTampering {
  const withDb = <T>(action: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return action(db);
    } finally {
      db.close();
    }
  };
  type Row = { position: number; event_id: string; stream_id: string; revision: number; type: string; data: string; metadata: string; created: string };
  const rowOf = (db: Database.Database, id: string) => db.prepare('SELECT * FROM events WHERE event_id = ?').get(id) as Row;
  const write = (db: Database.Database, position: number, r: Omit<Row, 'position'>) =>
    db.prepare('UPDATE events SET event_id = ?, stream_id = ?, revision = ?, type = ?, data = ?, metadata = ?, created = ? WHERE position = ?')
      .run(r.event_id, r.stream_id, r.revision, r.type, r.data, r.metadata, r.created, position);
  const exchange = (db: Database.Database, x: Row, y: Row) =>
    db.transaction(() => {
      // Unique event ids and stream revisions: move one row out of the way first.
      write(db, x.position, { ...x, event_id: `${x.event_id}-moving`, stream_id: `${x.stream_id}-moving` });
      write(db, y.position, x);
      write(db, x.position, y);
    })();
  return {
    async change(e, data) {
      const before = withDb((db) => rowOf(db, e.id));
      withDb((db) => db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify(data), e.id));
      return async () => void withDb((db) => db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(before.data, e.id));
    },
    async remove(e) {
      const before = withDb((db) => rowOf(db, e.id));
      withDb((db) => db.prepare('DELETE FROM events WHERE event_id = ?').run(e.id));
      return async () => void withDb((db) =>
        db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(before.position, before.event_id, before.stream_id, before.revision, before.type, before.data, before.metadata, before.created));
    },
    async swap(a, b) {
      withDb((db) => exchange(db, rowOf(db, a.id), rowOf(db, b.id)));
      return async () => void withDb((db) => exchange(db, rowOf(db, a.id), rowOf(db, b.id)));
    },
    async snapshot() {
      const rows = withDb((db) => db.prepare('SELECT * FROM events ORDER BY position').all() as Row[]);
      return async () => void withDb((db) => db.transaction(() => {
        db.prepare('DELETE FROM events').run();
        const insert = db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        for (const r of rows) insert.run(r.position, r.event_id, r.stream_id, r.revision, r.type, r.data, r.metadata, r.created);
      })());
    },
    async cutAfter(position) {
      withDb((db) => db.prepare('DELETE FROM events WHERE position > ?').run(Number(position.commit)));
    },
    async removeStreams(prefix) {
      withDb((db) => db.prepare('DELETE FROM events WHERE substr(stream_id, 1, ?) = ?').run(prefix.length, prefix));
    },
  };
}

/** The EventStoreDB protocol double's in-memory log: the same object the server reads `$all` from. */
export function doubleTampering(log: InMemoryLog): StoreTampering {
  const find = (id: string) => {
    const i = log.events.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`event ${id} not in the double's log`);
    return i;
  };
  const contents = (s: StoredEvent) => ({ ...s, position: undefined });
  const put = (s: StoredEvent, c: ReturnType<typeof contents>) => Object.assign(s, { ...c, position: s.position });
  return {
    async change(e, data) {
      const stored = log.events[find(e.id)];
      const before = stored.data;
      stored.data = Buffer.from(JSON.stringify(data));
      return async () => void (stored.data = before);
    },
    async remove(e) {
      const i = find(e.id);
      const [stored] = log.events.splice(i, 1);
      return async () => void log.events.splice(i, 0, stored);
    },
    async swap(a, b) {
      const x = log.events[find(a.id)];
      const y = log.events[find(b.id)];
      const cx = contents(x);
      put(x, contents(y));
      put(y, cx);
      return async () => {
        const cy = contents(x);
        put(x, contents(y));
        put(y, cy);
      };
    },
    async snapshot() {
      const copy = log.events.map((e) => ({ ...e }));
      return async () => log.replaceAll(copy.map((e) => ({ ...e })));
    },
    async cutAfter(position) {
      log.replaceAll(log.events.filter((e) => e.position <= position.commit));
    },
    async removeStreams(prefix) {
      log.replaceAll(log.events.filter((e) => !e.streamId.startsWith(prefix)));
    },
  };
}
