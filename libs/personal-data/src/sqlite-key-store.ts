import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PersonalKeyStore } from './key-store.port';

/**
 * The embedded key store: its own SQLite file (`keys.sqlite` beside the events by default, or
 * KEYSTORE_FILE). `secure_delete` zeroes a destroyed key's bytes and the rollback journal (not WAL)
 * leaves no old page behind once a transaction ends, so a destroyed key is gone from the file.
 */
export class SqliteKeyStore implements PersonalKeyStore {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Buffer | null>();
  private readonly stmts;

  /** `now` stamps when a key was made (the app's clock). */
  constructor(readonly file: string, private readonly now: () => Date = () => new Date()) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS person_keys (
      subject TEXT PRIMARY KEY, org_id TEXT NOT NULL, key BLOB, created_at TEXT NOT NULL, destroyed_at TEXT
    )`);
    this.stmts = {
      get: this.db.prepare<[string], { key: Buffer | null }>('SELECT key FROM person_keys WHERE subject = ?'),
      insert: this.db.prepare('INSERT OR IGNORE INTO person_keys (subject, org_id, key, created_at) VALUES (?, ?, ?, ?)'),
      destroy: this.db.prepare('UPDATE person_keys SET key = NULL, destroyed_at = coalesce(destroyed_at, ?) WHERE subject = ?'),
      tombstone: this.db.prepare("INSERT OR IGNORE INTO person_keys (subject, org_id, key, created_at, destroyed_at) VALUES (?, '', NULL, ?, ?)"),
    };
  }

  async keyFor(subject: string, orgId: string): Promise<Buffer | null> {
    const known = await this.existingKey(subject);
    if (known !== undefined) return known;
    // INSERT OR IGNORE: another process may have made the key a moment ago; theirs wins and is read back.
    this.stmts.insert.run(subject, orgId, randomBytes(32), this.now().toISOString());
    this.cache.delete(subject);
    return (await this.existingKey(subject)) ?? null;
  }

  async existingKey(subject: string): Promise<Buffer | null | undefined> {
    if (this.cache.has(subject)) return this.cache.get(subject);
    const row = this.stmts.get.get(subject);
    if (!row) return undefined;
    this.cache.set(subject, row.key);
    return row.key;
  }

  async destroy(subject: string, destroyedAt: string): Promise<void> {
    this.db.transaction(() => {
      this.stmts.destroy.run(destroyedAt, subject);
      this.stmts.tombstone.run(subject, destroyedAt, destroyedAt);
    })();
    this.cache.set(subject, null);
  }

  /**
   * An online copy for the backup beside the events. A key destroyed later still lives in older key
   * backups: they must be kept no longer than the retention of personal data allows (docs/personal-data.md).
   */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
