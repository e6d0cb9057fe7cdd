import { comparePositions, positionFromString, START, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { CompactRange } from '#libs/transparency';
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
  /** The Merkle tree over the chain's entries (each link's chain hash), as its right edge: `tree.size === count`. */
  tree: CompactRange;
}

/** A chain with no links yet; `after`: no event of the organisation lies at or before it. */
export function emptyTail(orgId: string, after: LogPosition = START): ChainTail {
  return { orgId, stream: chainStreamOf(orgId), revision: -1, head: genesisHash(orgId), count: 0, through: after, recordedCount: 0, tree: CompactRange.empty() };
}

/** The tree with more entries (chain hashes, hex); the tail's own tree is left as it was. */
export function grownTree(tree: CompactRange, hashes: readonly string[]): CompactRange {
  const grown = tree.clone();
  for (const h of hashes) grown.pushEntryHex(h);
  return grown;
}

/**
 * Folds one event of the chain stream into the tail (the stream is written only with its expected
 * revision). Only the head, the count, the last position and the tree are read: links are checked by
 * verification. `skipTree`: a later recorded head states the tree, so these links need not be hashed.
 */
export function foldChainEvent(tail: ChainTail, e: RecordedEvent, skipTree = false): ChainTail {
  const later = (p: LogPosition) => (comparePositions(p, tail.through) > 0 ? p : tail.through);
  if (e.type === 'EventsChained') {
    const c = e.data as Partial<EventsChained>;
    const positions = c.links?.position;
    const hashes = c.links?.hash;
    if (typeof c.head !== 'string' || typeof c.count !== 'number' || !Array.isArray(positions) || positions.length === 0 || !Array.isArray(hashes)) {
      throw new Error(`Damaged chain record ${e.streamId}@${e.revision}`);
    }
    const tree = skipTree ? tail.tree : grownTree(tail.tree, hashes);
    return { ...tail, revision: e.revision, head: c.head, count: c.count, through: later(positionFromString(positions[positions.length - 1])), tree };
  }
  if (e.type === 'ChainHeadRecorded') {
    const r = chainHeadRecorded.parse(e.data);
    const tree = r.frontier ? CompactRange.of(r.count, r.frontier) : tail.tree;
    return { ...tail, revision: e.revision, through: later(positionFromString(r.position)), recordedCount: r.count, tree };
  }
  return { ...tail, revision: e.revision };
}

/** Folds the events read from a chain stream, hashing only the links after the last head that states the tree. */
export function foldChainEvents(tail: ChainTail, events: readonly RecordedEvent[]): ChainTail {
  let stated = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'ChainHeadRecorded' && Array.isArray((events[i].data as { frontier?: unknown }).frontier)) {
      stated = i;
      break;
    }
  }
  return events.reduce((t, e, i) => foldChainEvent(t, e, i < stated), tail);
}
