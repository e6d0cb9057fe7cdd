import {
  EventStoreDBClient, FORWARDS, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError, jsonEvent,
  type AllStreamRecordedEvent, type JSONType,
} from '@eventstore/db-client';
import {
  ConcurrencyError, StoreUnavailableError, comparePositions, matchesFilter,
  type AppendResult, type EventStore, type ExpectedRevision, type LogPosition, type NewEvent,
  type ReadAllOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import {
  backoffMs, fromPositionOf, isSystemEvent, isTransient, toEsdbExpected, toLogPosition, toRecorded,
} from './esdb-mapping';
import { reconnectingSubscription, type ReconnectOptions } from './esdb-subscription';

export interface EsdbEventStoreOptions extends Partial<ReconnectOptions> {
  /** Attempts for a call that failed on the connection (appends are safe to repeat: event ids dedupe). */
  attempts?: number;
}

const PAGE = 512;

/** EventStoreDB / KurrentDB behind the port, through `@eventstore/db-client` over gRPC. */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly reconnect: ReconnectOptions;
  private readonly attempts: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.reconnect = { minBackoffMs: options.minBackoffMs ?? 100, maxBackoffMs: options.maxBackoffMs ?? 5_000 };
    this.attempts = options.attempts ?? 3;
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const proposed = events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata }));
    try {
      const result = await this.call(() =>
        this.client.appendToStream(streamId, proposed, { expectedRevision: toEsdbExpected(expectedRevision) }),
      );
      const nextRevision = Number(result.nextExpectedRevision);
      const position = result.position ? toLogPosition(result.position) : (await this.readStream(streamId, nextRevision))[0].position;
      return { nextRevision, position };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
      throw new ConcurrencyError(streamId, expectedRevision, actual);
    }
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return this.call(async () => {
      const out: RecordedEvent[] = [];
      try {
        for await (const { event } of this.client.readStream(streamId, { fromRevision: BigInt(fromRevision), direction: FORWARDS })) {
          if (event) out.push(toRecorded(event));
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return out;
    });
  }

  /** `$all` reads start at their position (inclusive) and the client has no filter for them: both done here. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    if (limit <= 0) return out;
    let cursor: LogPosition | undefined = options.after;
    for (;;) {
      const page = await this.call(() => this.readAllPage(cursor));
      for (const e of page) {
        if (cursor && comparePositions(e.position, cursor) <= 0) continue;
        cursor = toLogPosition(e.position);
        if (isSystemEvent(e) || !matchesFilter(e.streamId, options)) continue;
        out.push(toRecorded(e));
        if (out.length >= limit) return out;
      }
      if (page.length < PAGE) return out;
    }
  }

  private async readAllPage(from: LogPosition | undefined): Promise<AllStreamRecordedEvent[]> {
    const page: AllStreamRecordedEvent[] = [];
    const fromPosition = fromPositionOf(from);
    for await (const { event } of this.client.readAll({ fromPosition, maxCount: PAGE, direction: FORWARDS })) {
      if (event) page.push(event);
    }
    return page;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = reconnectingSubscription(this.client, options, this.reconnect, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    if (this.closed) void subscription.unsubscribe();
    return subscription;
  }

  /** Readiness: any answer from the server, a missing stream included, within two seconds. */
  async ping(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 2_000, false)));
    const answer = this.readStream('readiness-probe').then(() => true, () => false);
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  /** Ends open subscriptions (their iterations finish) and cancels the client's calls. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.client.dispose();
  }

  /** Runs a call, repeating it on connection errors with backoff; other errors pass through. */
  private async call<T>(action: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('Хранилище событий закрыто.');
    for (let attempt = 0; ; attempt++) {
      try {
        return await action();
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (attempt + 1 >= this.attempts) throw new StoreUnavailableError(`EventStoreDB недоступен: ${(error as Error).message}`, error);
        await new Promise((r) => setTimeout(r, backoffMs(attempt, this.reconnect.minBackoffMs, this.reconnect.maxBackoffMs)));
      }
    }
  }
}
