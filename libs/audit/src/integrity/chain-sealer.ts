import type { EventStore, LogPosition, RecordedEvent, Subscription } from '#libs/event-store';
import { eventBatches } from '#libs/projections';
import { ChainBook } from './chain-book';
import type { ChainTail } from './chain-tail';
import type { CheckpointSigner } from './checkpoint-signer';

export interface ChainSealerOptions {
  now: () => Date;
  /** Record a chain's head once it grew by this many links, or the sealer read this many events since its last record. */
  headEveryEvents?: number;
  /** …or once this much time passed with new links. */
  headEveryMs?: number;
  /**
   * Live, seal at most once per this many ms (default 0: whenever events arrive): each seal is an
   * append of its own, so sealing every step's event doubled the commits under load. The events of
   * the pause are sealed together after it; until then verification counts them as not sealed yet.
   */
  sealEveryMs?: number;
  /** Events read per page while catching up (links per append: at most this many). */
  batchSize?: number;
  retryMs?: number;
  /** Problems only (names and codes, never event data). */
  log?: (message: string) => void;
  /** Signs a checkpoint into every recorded head (the organisation's key); without it heads carry the tree's root only. */
  signer?: CheckpointSigner;
  /** Told which organisations' heads (and checkpoints) were just recorded: the witness publisher's cue. */
  onHeadsRecorded?: (orgIds: string[]) => void;
}

/**
 * Follows the stored log and seals every event into its organisation's chain: catch-up in pages,
 * then the store's subscription, batches of whatever arrived together. Its checkpoint is the
 * chains themselves (`ChainBook.load`), so a restart, or a second API process, resumes correctly.
 */
export class ChainSealer {
  private readonly book: ChainBook;
  private readonly headEveryEvents: number;
  private readonly headEveryMs: number;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  /** Serialises the book's appends (sealing, and heads recorded by the timer). */
  private serial: Promise<unknown> = Promise.resolve();
  /** Events read since start, and that count when each chain's head was last recorded. */
  private read = 0;
  private readonly readAtRecord = new Map<string, number>();
  /** The last position sealed (or found sealed): where a flush on stop continues. */
  private position: LogPosition | null = null;

  constructor(private readonly store: EventStore, private readonly options: ChainSealerOptions) {
    // Never the organisation's name or data in a log line: its id is enough for the operator.
    this.book = new ChainBook(
      store, options.now,
      (org) => options.log?.(`Цепочка целостности организации ${org} стала короче, чем была (удалена или урезана): запечатывание её событий остановлено до перезапуска; проверьте журнал (npm run cli -- verify).`),
      options.signer,
    );
    this.headEveryEvents = options.headEveryEvents ?? 10_000;
    this.headEveryMs = options.headEveryMs ?? 60_000;
  }

  start(): void {
    this.loop ??= this.run();
    this.timer ??= setInterval(() => void this.recordHeads('timer').catch(() => undefined), this.headEveryMs).unref();
  }

  /** Stops following the log; `flush` first seals what the log holds now and records the heads, so a clean shutdown leaves nothing unsealed. */
  async stop(flush = false): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.wake?.();
    await this.subscription?.unsubscribe();
    await this.loop;
    await this.serial.catch(() => undefined);
    if (!flush || !this.position) return;
    try {
      await this.catchUp(this.position, true);
      await this.recordHeads('all');
    } catch (error) {
      this.options.log?.(`Цепочка целостности: при остановке не всё запечатано (${(error as Error).name}); продолжится при следующем запуске`);
    }
  }

  /** Seals everything in the log now and returns (benchmarks, the CLI, tests): events read. */
  async sealToEnd(): Promise<number> {
    const before = this.read;
    await this.catchUp(await this.exclusive(() => this.book.load()));
    await this.recordHeads('all');
    return this.read - before;
  }

  chains(): ChainTail[] {
    return this.book.chains();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const after = await this.catchUp(await this.exclusive(() => this.book.load()));
        if (this.stopped) return;
        this.subscription = this.store.subscribeToAll({ after });
        for await (const batch of eventBatches(this.subscription, this.options.batchSize ?? 2000)) {
          if (this.stopped) break;
          await this.handle(batch.events);
          if (batch.caughtUp && this.options.sealEveryMs) await this.pause(this.options.sealEveryMs);
        }
      } catch (error) {
        if (this.stopped) return;
        const { name, code } = (error ?? {}) as { name?: string; code?: string };
        this.options.log?.(`Цепочка целостности: сбой (${name ?? 'Error'}${code ? ` ${code}` : ''}), повтор с последнего звена`);
        await this.pause(this.options.retryMs ?? 1000);
      } finally {
        await this.subscription?.unsubscribe();
        this.subscription = null;
      }
    }
  }

  /** Waits, or less if `stop` wakes it. */
  private async pause(ms: number): Promise<void> {
    if (this.stopped) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.wake = null;
  }

  /** The history in pages straight from the store: cheaper per event than the subscription. */
  private async catchUp(after: LogPosition, evenStopped = false): Promise<LogPosition> {
    const size = this.options.batchSize ?? 2000;
    for (;;) {
      if (this.stopped && !evenStopped) return after;
      const page = await this.store.readAll({ after, maxCount: size });
      if (page.length > 0) {
        await this.handle(page);
        after = page[page.length - 1].position;
      }
      if (page.length < size) return after;
    }
  }

  private async handle(events: RecordedEvent[]): Promise<void> {
    await this.exclusive(async () => {
      await this.book.seal(events);
      this.read += events.length;
      if (events.length > 0) this.position = events[events.length - 1].position;
    });
    await this.recordHeads('grown');
  }

  /** One book operation at a time: the timer's head records never interleave with sealing or a reload. */
  private exclusive<T>(action: () => Promise<T>): Promise<T> {
    const work = this.serial.then(action);
    this.serial = work.catch(() => undefined);
    return work;
  }

  /**
   * `grown`: chains that grew by `headEveryEvents`; `timer`: also every chain with new links, and
   * chains idle while the log moved on by `headEveryEvents` (so a restart resumes near the end); `all`: every chain with new links.
   */
  private recordHeads(mode: 'grown' | 'timer' | 'all'): Promise<void> {
    const due = (t: ChainTail) =>
      t.count - t.recordedCount >= this.headEveryEvents ||
      (mode !== 'grown' && t.count > t.recordedCount) ||
      (mode === 'timer' && this.read - (this.readAtRecord.get(t.orgId) ?? 0) >= this.headEveryEvents);
    return this.exclusive(async () => {
      const recorded = await this.book.recordHeads(due);
      for (const org of recorded) this.readAtRecord.set(org, this.read);
      if (recorded.length > 0) this.options.onHeadsRecorded?.(recorded);
    });
  }
}
