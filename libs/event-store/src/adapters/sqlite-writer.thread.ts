import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../event-store.port';
import type { AppendRequest } from './sqlite-group-commit';
import type { AppendOutcome } from './sqlite-outcome';
import type { AppendWriter, CommitInfo } from './append-writer';
import { settle, storeFailure, type Committed, type Waiter } from './sqlite-outcome';
import type { WriterInbound, WriterOutbound } from './sqlite-writer.worker';
import { startWorker } from './worker-script';

/** After the writer could not open the file, appends fail fast for this long before it is tried again. */
const RETRY_OPEN_AFTER_MS = 1000;
/** Post before the turn ends once this many appends wait, so the writer commits while this thread still decides. */
const POST_EVERY = 64;
/**
 * A message to the writer holds at most this many characters of JSON (one append larger than it goes alone): with
 * the writer's own bound on a batch (BATCH_CHARS) its heap holds a bounded amount whatever the burst.
 */
const MESSAGE_CHARS = 250_000;

/**
 * The main thread's side of the writer thread: queues appends, posts them once per turn of the
 * event loop (or every POST_EVERY), and settles each when the writer reports its transaction committed. The thread
 * starts on the first append (a read-only use never opens a write connection) and again after
 * it failed, so a store that was full or read-only recovers once the operator fixes the disk.
 */
export class SqliteWriterThread implements AppendWriter {
  private worker?: Worker;
  private port?: MessagePort;
  private queue: AppendRequest[] = [];
  private readonly waiting = new Map<number, Waiter>();
  private scheduled = false;
  private nextId = 1;
  private openFailure?: { error: StoreUnavailableError; at: number };
  private exited?: Promise<void>;
  private onClosed?: () => void;

  constructor(private readonly file: string, private readonly committed: (info: CommitInfo) => void) {}

  append(request: Omit<AppendRequest, 'id'>): Promise<Committed> {
    const failed = this.openFailure;
    if (failed && performance.now() - failed.at < RETRY_OPEN_AFTER_MS) return Promise.reject(failed.error);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.waiting.size === 0) this.hold(true);
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ ...request, id } as AppendRequest);
      if (this.queue.length >= POST_EVERY) this.post();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.post);
      }
    });
  }

  private readonly post = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    // Each append as its own JSON, so one that is not JSON (a cycle, a BigInt) fails alone; then messages of at most
    // MESSAGE_CHARS, so a burst of large events never reaches the writer as one string its heap cannot hold.
    let chunk: string[] = [];
    let chars = 0;
    const send = () => {
      if (chunk.length > 0) this.connect().postMessage(`[${chunk.join(',')}]` satisfies WriterInbound);
      chunk = [];
      chars = 0;
    };
    for (const r of batch) {
      const json = this.serialised(r);
      if (json === undefined) continue;
      if (chars > 0 && chars + json.length > MESSAGE_CHARS) send();
      chunk.push(json);
      chars += json.length;
    }
    send();
    if (this.waiting.size === 0) this.hold(false);
  };

  private serialised(r: AppendRequest): string | undefined {
    try {
      return JSON.stringify(r);
    } catch (error) {
      this.waiting.get(r.id)?.reject(new TypeError(`Событие не сериализуется в JSON: ${(error as Error).message}`));
      this.waiting.delete(r.id);
      return undefined;
    }
  }

  private connect(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    // Its live data is a batch of appends: a small heap, or V8 grows it like the main one's (tens of MB for nothing).
    const resourceLimits = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };
    const worker = startWorker(__dirname, 'sqlite-writer.worker', { workerData: { file: this.file, port: port2 }, transferList: [port2], resourceLimits });
    port1.on('message', (m: WriterOutbound) => this.receive(m, port1));
    worker.on('error', (e) => this.fail(storeFailure({ message: e.message, reason: 'unavailable' })));
    this.exited = new Promise((resolve) => worker.once('exit', () => {
      if (this.worker === worker) this.fail(new StoreUnavailableError('Поток записи хранилища остановился.'));
      resolve();
    }));
    this.worker = worker;
    this.port = port1;
    return port1;
  }

  private receive(m: WriterOutbound, from: MessagePort): void {
    const current = from === this.port;
    if ('ready' in m) this.openFailure = undefined;
    else if ('fatal' in m) {
      const error = storeFailure(m.fatal);
      this.openFailure = { error, at: performance.now() };
      this.fail(error);
    } else if ('outcomes' in m) {
      for (const o of m.outcomes) {
        const waiter = this.waiting.get(o.id);
        this.waiting.delete(o.id);
        if (waiter) settle(o, waiter);
      }
      if (m.reopen && current) this.retire(m.outcomes.find((o) => 'error' in o));
      if (this.waiting.size === 0) this.hold(false);
      this.committed({ appends: m.outcomes.length, ms: m.commitMs });
    } else if (current) this.onClosed?.();
    else from.close();
  }

  /**
   * A connection opened on a read-only file stays read-only: let this writer finish what it was
   * sent and close, and start a fresh one for later appends, after the back-off.
   */
  private retire(failed: AppendOutcome | undefined): void {
    if (!this.port || !failed || !('error' in failed)) return;
    this.port.postMessage({ close: true } satisfies WriterInbound);
    this.openFailure = { error: storeFailure(failed.error), at: performance.now() };
    this.worker?.unref();
    this.port = undefined;
    this.worker = undefined;
  }

  /** Every append not yet acknowledged fails; the next append starts a fresh writer. */
  private fail(error: StoreUnavailableError): void {
    this.port?.close();
    this.port = undefined;
    this.worker = undefined;
    this.queue = [];
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
  }

  /** Keep the process alive only while an append waits for its commit. */
  private hold(on: boolean): void {
    if (on) {
      this.worker?.ref();
      this.port?.ref();
    } else {
      this.worker?.unref();
      this.port?.unref();
    }
  }

  async close(): Promise<void> {
    this.post();
    const port = this.port;
    if (!port) return;
    this.hold(true);
    // Every queued append is ahead of the close in the port, so its outcome arrives first.
    const closed = new Promise<void>((resolve) => (this.onClosed = resolve));
    port.postMessage({ close: true } satisfies WriterInbound);
    await Promise.race([closed, this.exited]);
    this.fail(new StoreUnavailableError('Хранилище событий закрыто.'));
    await this.exited;
  }
}
