/**
 * The event-store port. Adapters (embedded SQLite, EventStoreDB) normalise their own
 * revision and position types to these, so callers and the contract suite never see a quirk.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The same log as stored, below the personal-data codec: what integrity hashes and verification read. */
export const STORED_EVENT_STORE = Symbol('STORED_EVENT_STORE');

/** Who did what, on which document date, and why: carried by every stored event. */
export interface EventMetadata {
  orgId: string;
  actorId: string;
  role: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** The business date of the step (`YYYY-MM-DD`), as on the document. */
  businessDate?: string;
  /** When the application recorded it (ISO-8601, from the injected clock). */
  recordedAt: string;
  schemaVersion: number;
  /** Hash of the request that produced it, so a reused Idempotency-Key with another body is told apart. */
  requestHash?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** A UUID; derived from the command id so that a retried append is recognised. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** Position in the store-wide log; commit/prepare as EventStoreDB has them (equal in the embedded store). */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** 0-based revision of the event within its stream. */
  revision: number;
  position: LogPosition;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** When the store wrote it (ISO-8601). */
  created: string;
}

/** `no_stream`: the stream must not exist; a number: the revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  position: LogPosition;
}

export interface AllFilter {
  /** Stream-name prefixes such as `mentorship-`; absent means every non-system stream. */
  streamPrefixes?: string[];
}

export interface ReadAllOptions extends AllFilter {
  /** Exclusive: events strictly after this position. Absent: from the start. */
  after?: LogPosition;
  maxCount?: number;
}

export interface SubscribeOptions extends AllFilter {
  /** Exclusive resume point (a checkpoint); absent: from the start of the log. */
  after?: LogPosition;
}

/** A catch-up subscription: delivers history after `after`, then live events, in log order. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; a missing stream reads as `[]`. */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Whether the store answers now (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The expected revision did not match: someone else wrote first. Nothing was written. */
export class ConcurrencyError extends Error {
  constructor(readonly streamId: string, readonly expected: ExpectedRevision, readonly actual: number | 'no_stream') {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/** Why a store refused: the operator's remedy differs (free space, fix permissions, bring the server back). */
export type StoreFailureReason = 'disk-full' | 'read-only' | 'unavailable';

/** The store cannot be reached or refused the write for a reason of its own (disk, network). */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown, readonly reason: StoreFailureReason = 'unavailable') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export const START: LogPosition = { commit: -1n, prepare: -1n };

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export const positionToString = (p: LogPosition): string => `${p.commit}/${p.prepare}`;
export function positionFromString(s: string): LogPosition {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(s);
  if (!m) throw new Error(`Bad log position: ${s}`);
  return { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
}

export const matchesFilter = (streamId: string, filter: AllFilter): boolean =>
  !filter.streamPrefixes || filter.streamPrefixes.some((p) => streamId.startsWith(p));
