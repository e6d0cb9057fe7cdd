import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { STORED_EVENT_STORE, SqliteEventStore, startWorker, type EventStore } from '#libs/event-store';
import { CONFIG, type Config } from '#libs/kernel';
import { PERSONAL_KEY_STORE, SqliteKeyStore, type PersonalKeyStore } from '#libs/personal-data';
import { projectsOnThread, ReadModels } from '#libs/projections';

/** What the projector thread is given (structured-cloned; `commits` is shared). */
export interface ProjectorThreadData {
  /** The log this process writes: its embedded file, or the EventStoreDB it connects to. */
  log: { file: string } | { connectionString: string };
  keysFile: string;
  readModelsFile: string;
  timeZone: string;
  viewCacheLimit: number;
  /** [0]: this process's commits to the embedded store, counted; [1]: 1 while the thread waits for one (only then is it woken). */
  commits: Int32Array;
}

export type ProjectorThreadMessage =
  | { kind: 'batch' }
  | { kind: 'log'; message: string }
  | { kind: 'stopped' };

const RESTART_MS = 1000;
const STOP_MS = 10_000;

/**
 * `PROJECTIONS=thread` (the default of `npm start`): the projector on a worker thread of this process,
 * so projecting never holds the event loop that answers requests. The thread tells this process
 * after each batch it commits (read-your-writes waits wake at once); a thread that dies is
 * started again after a second, from the checkpoints.
 */
@Injectable()
export class ProjectorThreadService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('projections');
  private worker: Worker | null = null;
  private stopping = false;
  private restart: NodeJS.Timeout | null = null;
  private readonly commits = new Int32Array(new SharedArrayBuffer(8));
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(STORED_EVENT_STORE) private readonly log: EventStore,
    @Inject(PERSONAL_KEY_STORE) private readonly keys: PersonalKeyStore,
  ) {}

  /** The same log and keys as this process's, opened again by the thread: files, or the EventStoreDB of the configuration. */
  private data(): ProjectorThreadData {
    const connectionString = this.config.EVENTSTORE_CONNECTION_STRING?.trim();
    const log = this.log instanceof SqliteEventStore ? { file: this.log.file } : connectionString ? { connectionString } : undefined;
    if (!log || ('file' in log && log.file === ':memory:') || !(this.keys instanceof SqliteKeyStore) || this.keys.file === ':memory:') {
      throw new Error('PROJECTIONS=thread: поток проекций открывает журнал и ключи заново, поэтому они должны быть в файлах (или журнал — в EventStoreDB); для хранилищ в памяти — PROJECTIONS=inline');
    }
    return { log, keysFile: this.keys.file, readModelsFile: this.readModels.options.file, timeZone: this.config.TIME_ZONE, viewCacheLimit: 1_000, commits: this.commits };
  }

  onApplicationBootstrap(): void {
    if (!projectsOnThread(this.readModels.options)) return;
    const data = this.data();
    if (this.log instanceof SqliteEventStore) {
      // A wake costs a system call: only for a thread that waits (it reads every commit since, once woken).
      this.unsubscribe = this.log.onCommit(() => {
        Atomics.add(this.commits, 0, 1);
        if (Atomics.compareExchange(this.commits, 1, 1, 0) === 1) Atomics.notify(this.commits, 0);
      });
    }
    this.start(data);
  }

  private start(data: ProjectorThreadData): void {
    // Its own heap, sized for a projector (batches of events, a thousand views per projection), not for the API's in-flight requests.
    const worker = startWorker(__dirname, 'projector.worker', { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.worker = worker;
    worker.on('message', (m: ProjectorThreadMessage) => {
      if (m.kind === 'batch') this.readModels.status.committed();
      else if (m.kind === 'log') this.logger.warn(m.message);
    });
    // Name only: a message may quote event data, and read models hold personal data.
    worker.on('error', (error) => this.logger.error(`Проекции: поток остановился со сбоем (${error?.name ?? 'Error'})`));
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
      if (this.stopping) return;
      this.logger.warn('Проекции: поток проекций перезапускается с последней контрольной точки');
      this.restart = setTimeout(() => {
        this.restart = null;
        if (!this.stopping) this.start(data);
      }, RESTART_MS);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.restart) clearTimeout(this.restart);
    this.unsubscribe?.();
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), STOP_MS);
    await exited;
    clearTimeout(timer);
  }
}
