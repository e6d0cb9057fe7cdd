import { comparePositions, positionFromString, START, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { chainHeadRecorded, chainStreamOf, type EventsChained } from './chain.events';
import { genesisHash } from './chain-hash';

/** Where one organisation's chain stands, as its stream says. */
export interface ChainTail {
  orgId: string;
  stream: string;
  /** Revision of the chain stream's last event; -1 while it has none. */
  revision: number;
  /** Chain hash after the last link (hex). */
  head: string;
  count: number;
  /** Every event of the organisation up to here (inclusive) is in the chain: the last link, or a later recorded head. */
  through: LogPosition;
  /** Chain length when the head was last recorded. */
  recordedCount: number;
}

/** A chain with no links yet; `after`: no event of the organisation lies at or before it. */
export function emptyTail(orgId: string, after: LogPosition = START): ChainTail {
  return { orgId, stream: chainStreamOf(orgId), revision: -1, head: genesisHash(orgId), count: 0, through: after, recordedCount: 0 };
}

/**
 * Folds one event of the chain stream into the tail (the stream is written only with its expected
 * revision). Only the head, the count and the last position are read: links are checked by verification.
 */
export function foldChainEvent(tail: ChainTail, e: RecordedEvent): ChainTail {
  const later = (p: LogPosition) => (comparePositions(p, tail.through) > 0 ? p : tail.through);
  if (e.type === 'EventsChained') {
    const c = e.data as Partial<EventsChained>;
    const positions = c.links?.position;
    if (typeof c.head !== 'string' || typeof c.count !== 'number' || !Array.isArray(positions) || positions.length === 0) {
      throw new Error(`Damaged chain record ${e.streamId}@${e.revision}`);
    }
    return { ...tail, revision: e.revision, head: c.head, count: c.count, through: later(positionFromString(positions[positions.length - 1])) };
  }
  if (e.type === 'ChainHeadRecorded') {
    const r = chainHeadRecorded.parse(e.data);
    return { ...tail, revision: e.revision, through: later(positionFromString(r.position)), recordedCount: r.count };
  }
  return { ...tail, revision: e.revision };
}
