import {
  FORWARDS, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError, jsonEvent,
  type AllStreamRecordedEvent, type JSONType, type ReadStreamOptions,
} from '@eventstore/db-client';
import {
  ConcurrencyError, StoreUnavailableError, comparePositions, matchesFilter,
  type AppendResult, type EventStore, type ExpectedRevision, type LogPosition, type NewEvent,
  type ReadAllOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import { EsdbConnection } from './esdb-connection';
import {
  backoffMs, fromPositionOf, isSystemEvent, isTransient, toEsdbExpected, toLogPosition, toRecorded,
} from './esdb-mapping';
import { ownAppendIn, ownAppendWindow } from './esdb-own-append';
import { reconnectingSubscription, type ReconnectOptions } from './esdb-subscription';

export interface EsdbEventStoreOptions extends Partial<ReconnectOptions> {
  /**
   * How long a call that failed on the connection is repeated (with backoff) before the store is
   * reported unavailable: long enough for a cluster to elect a new leader.
   */
  retryForMs?: number;
}

const PAGE = 512;

/**
 * EventStoreDB / KurrentDB behind the port, through `@eventstore/db-client` over gRPC, on one node or
 * a cluster (see `EsdbConnection` for the connection string). The client reconnects after not-leader
 * and unavailable answers but never repeats the call; this adapter does, until `retryForMs` is spent.
 */
export class EsdbEventStore implements EventStore {
  private readonly connection: EsdbConnection;
  private readonly reconnect: ReconnectOptions;
  private readonly retryForMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.connection = new EsdbConnection(connectionString);
    this.reconnect = { minBackoffMs: options.minBackoffMs ?? 100, maxBackoffMs: options.maxBackoffMs ?? 5_000 };
    this.retryForMs = options.retryForMs ?? 15_000;
  }

  /**
   * Always on the leader. A repeat after a failure whose outcome is unknown, and a WrongExpectedVersion,
   * first look for this append's own events (see `esdb-own-append.ts`): found, it is the answer, so an
   * append is never lost and never written twice.
   */
  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const proposed = events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata }));
    let unknownOutcome = false;
    return this.call(async () => {
      if (unknownOutcome) {
        const own = await this.findOwnAppend(streamId, events, expectedRevision);
        if (own) return own;
      }
      unknownOutcome = true;
      try {
        const result = await this.connection.client.appendToStream(streamId, proposed, {
          expectedRevision: toEsdbExpected(expectedRevision), requiresLeader: true,
        });
        const nextRevision = Number(result.nextExpectedRevision);
        const position = result.position
          ? toLogPosition(result.position)
          : (await this.readEvents(streamId, nextRevision, true))[0].position;
        return { nextRevision, position };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        unknownOutcome = false;
        const own = await this.findOwnAppend(streamId, events, expectedRevision);
        if (own) return own;
        const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
        throw new ConcurrencyError(streamId, expectedRevision, actual);
      }
    });
  }

  private async findOwnAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult | null> {
    const { fromRevision, maxCount } = ownAppendWindow(expected, events.length);
    return ownAppendIn(await this.readEvents(streamId, fromRevision, true, maxCount), events, expected);
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return this.call(() => this.readEvents(streamId, fromRevision, this.connection.readsRequireLeader));
  }

  private async readEvents(streamId: string, fromRevision: number, requiresLeader: boolean, maxCount?: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    const options: ReadStreamOptions = { fromRevision: BigInt(fromRevision), direction: FORWARDS, requiresLeader };
    if (maxCount) options.maxCount = maxCount;
    try {
      for await (const { event } of this.connection.client.readStream(streamId, options)) {
        if (event) out.push(toRecorded(event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
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
    const requiresLeader = this.connection.readsRequireLeader;
    for await (const { event } of this.connection.client.readAll({ fromPosition, maxCount: PAGE, direction: FORWARDS, requiresLeader })) {
      if (event) page.push(event);
    }
    return page;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = reconnectingSubscription(this.connection, options, this.reconnect, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    if (this.closed) void subscription.unsubscribe();
    return subscription;
  }

  /**
   * Readiness: an answer from the server, a missing stream included, within two seconds; on a cluster
   * that prefers the leader, from the leader (nodes answer "not ready" while they know none), so an
   * instance is not ready while it could not write.
   */
  async ping(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 2_000, false)));
    const answer = this.call(() => this.readEvents('readiness-probe', 0, this.connection.readsRequireLeader), 2_000).then(() => true, () => false);
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  /** Ends open subscriptions (their iterations finish) and cancels the client's calls. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.connection.dispose();
  }

  /**
   * Runs a call, repeating it with backoff after errors of the connection or the node (the client
   * has meanwhile turned to the leader, or will discover the cluster again) for `forMs`; other errors
   * pass through.
   */
  private async call<T>(action: () => Promise<T>, forMs = this.retryForMs): Promise<T> {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new StoreUnavailableError('Хранилище событий закрыто.');
      const client = this.connection.client;
      try {
        return await action();
      } catch (error) {
        if (!isTransient(error)) throw error;
        this.connection.failed(client, error);
        const pause = backoffMs(attempt, this.reconnect.minBackoffMs, this.reconnect.maxBackoffMs);
        if (performance.now() - started + pause > forMs) {
          throw new StoreUnavailableError(`EventStoreDB недоступен: ${(error as Error).message}`, error);
        }
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }
}
