import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openEventsFile } from './sqlite-file';
import { SqliteGroupCommit, type AppendRequest } from './sqlite-group-commit';
import { describeFailure, type WireError } from './sqlite-outcome';

/** What the main thread sends: a JSON array of appends, or the order to close. */
export type WriterInbound = string | { close: true };
export type WriterOutbound =
  | { ready: true }
  | { fatal: WireError }
  /** `reopen`: the file turned out read-only; a fresh connection is needed to write once it is writable again. */
  | { outcomes: ReturnType<SqliteGroupCommit['commit']>; commitMs: number; reopen: boolean }
  | { closed: true };

/**
 * A batch stops taking messages once it holds this many characters of JSON; the rest wait in the port for the next
 * transaction. So a burst of large events (256 KB bodies from many clients at once) never outgrows the thread's
 * heap limit: reaching it would end the thread, fail every append in flight, and end it in the middle of a native call.
 */
const BATCH_CHARS = 1_000_000;

/**
 * The writer thread: owns the write connection, so the main thread keeps deciding steps while
 * this one waits for fsync. Every append that arrived while the last commit was on its way to
 * disk goes into the next transaction: the group grows with the load by itself.
 */
function run({ file, port }: { file: string; port: MessagePort }): void {
  const send = (m: WriterOutbound) => port.postMessage(m);
  let db: Database.Database;
  let group: SqliteGroupCommit;
  try {
    db = openEventsFile(file);
    group = new SqliteGroupCommit(db, file);
  } catch (error) {
    send({ fatal: describeFailure(error, file) });
    port.close();
    return;
  }
  send({ ready: true });
  port.on('message', (first: WriterInbound) => {
    let closing = typeof first !== 'string';
    const batch: AppendRequest[] = closing ? [] : JSON.parse(first as string);
    let chars = closing ? 0 : (first as string).length;
    for (let next; !closing && chars < BATCH_CHARS && (next = receiveMessageOnPort(port)); ) {
      const m = next.message as WriterInbound;
      if (typeof m === 'string') {
        chars += m.length;
        for (const r of JSON.parse(m) as AppendRequest[]) batch.push(r);
      } else closing = true;
    }
    if (batch.length > 0) {
      const started = performance.now();
      const outcomes = group.commit(batch);
      const reopen = outcomes.some((o) => 'error' in o && o.error.reason === 'read-only');
      send({ outcomes, commitMs: performance.now() - started, reopen });
    }
    if (closing) {
      db.close();
      send({ closed: true });
      port.close();
    }
  });
}

run(workerData as { file: string; port: MessagePort });
