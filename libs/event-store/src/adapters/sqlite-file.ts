import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

/**
 * Opens the embedded store's file in WAL mode with `synchronous = FULL` (a commit returns only
 * once it is on disk) and creates the table if it is new. The reader and the writer thread each
 * open their own connection with this.
 */
export function openEventsFile(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
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
  return db;
}
