import type Database from 'better-sqlite3';
import { SqliteGroupCommit, type AppendRequest } from './sqlite-group-commit';
import type { AppendWriter, CommitInfo } from './append-writer';
import { settle, type Committed, type Waiter } from './sqlite-outcome';

/**
 * Group commit on the calling thread: appends that arrive in one turn of the event loop share a
 * transaction. For `:memory:` stores, which a second thread cannot open, and for comparison.
 */
export class SqliteInlineWriter implements AppendWriter {
  private readonly group: SqliteGroupCommit;
  private queue: { request: AppendRequest; waiter: Waiter }[] = [];
  private scheduled = false;
  private nextId = 1;

  constructor(db: Database.Database, file: string, private readonly committed: (info: CommitInfo) => void) {
    this.group = new SqliteGroupCommit(db, file);
  }

  append(request: Omit<AppendRequest, 'id'>): Promise<Committed> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { ...request, id: this.nextId++ }, waiter: { resolve, reject } });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const started = performance.now();
    const outcomes = this.group.commit(batch.map((b) => b.request));
    const ms = performance.now() - started;
    outcomes.forEach((o, i) => settle(o, batch[i].waiter));
    this.committed({ appends: batch.length, ms });
  }

  async close(): Promise<void> {
    while (this.queue.length > 0) this.flush();
  }
}
