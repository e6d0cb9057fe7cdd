import {
  ANY, NO_STREAM, START, STREAM_EXISTS,
  NotLeaderError, UnavailableError, CancelledError, DeadlineExceededError, TimeoutError, UnknownError,
  convertToCommandError,
  type AllStreamRecordedEvent, type AppendExpectedRevision, type Position, type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, ExpectedRevision, LogPosition, RecordedEvent } from '../event-store.port';

export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
}

export const toLogPosition = (p: Position): LogPosition => ({ commit: p.commit, prepare: p.prepare });

/** The port's `START` (-1/-1) and an absent position both mean the beginning of `$all`. */
export const fromPositionOf = (after: LogPosition | undefined): Position | typeof START =>
  after && after.commit >= 0n && after.prepare >= 0n ? after : START;

/** `$`-prefixed streams and event types belong to the server (stats, settings, links, metadata). */
export const isSystemEvent = (e: { streamId: string; type: string }): boolean =>
  e.streamId.startsWith('$') || e.type.startsWith('$');

/** What the server sends as the position of an event it cannot place (older servers, on stream reads). */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

export function toRecorded(e: EsdbRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  if (!e.position || e.position.commit === NO_POSITION) {
    throw new Error(`EventStoreDB sent no log position for ${e.streamId}@${e.revision}; the server is too old for this adapter`);
  }
  return {
    id: e.id,
    streamId: e.streamId,
    revision: Number(e.revision),
    position: toLogPosition(e.position),
    type: e.type,
    data: e.data,
    metadata: e.metadata as EventMetadata,
    created: e.created.toISOString(),
  };
}

/** `Error: Failed to discover after N attempts.` from the client's gossip discovery: a plain Error, no gRPC status. */
export const isDiscoveryFailure = (error: unknown): boolean =>
  error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message);

/**
 * Errors worth a retry: the connection or the node, not the request. Some client paths (server
 * features on connect) reject with the raw gRPC error, hence the conversion. Not-leader and
 * unavailable make the client reconnect (to the leader's endpoint, or by discovery) before it
 * throws; it never repeats the call itself. A not-ready answer to a batch append comes as unknown.
 */
export function isTransient(error: unknown): boolean {
  if (isDiscoveryFailure(error)) return true;
  const e = error instanceof Error ? convertToCommandError(error) : error;
  return (
    e instanceof UnavailableError ||
    e instanceof CancelledError ||
    e instanceof DeadlineExceededError ||
    e instanceof TimeoutError ||
    e instanceof NotLeaderError ||
    e instanceof UnknownError
  );
}

/** Exponential backoff with jitter, capped. */
export const backoffMs = (attempt: number, minMs: number, maxMs: number): number =>
  Math.min(maxMs, minMs * 2 ** attempt) * (0.5 + Math.random() / 2);
