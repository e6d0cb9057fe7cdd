import { comparePositions, positionFromString } from '#libs/event-store';
import { linkAt, type ChainLinks } from './chain.events';
import { chainHash, genesisHash } from './chain-hash';
import type { ChainBreak, HeadAnchor } from './verification.result';
import { breakMessage } from './verification.summary';
import { TreeWalk } from './tree-walk';
import type { WitnessedCheckpoint } from './witnessed';

type Link = ReturnType<typeof linkAt>;

interface Pending {
  /** "commit/prepare", as links write it: equal text is the common case, order is compared only on a mismatch. */
  position: string;
  id: string;
  streamId: string;
  revision: number;
  hash: string;
  created: string;
}

/**
 * One organisation's chain recomputed from the log, in one pass: each event is hashed when the log
 * reaches it and waits until the chain's links (which the log holds later) name it. The first link
 * that disagrees is the break; the walk then stops.
 */
export class ChainWalk {
  private head: string;
  /** Events waiting for their links; a matched one is dropped at once so it dies young (GC). */
  private queue: (Pending | undefined)[] = [];
  private next = 0;
  matched = 0;
  matchedHead: string;
  matchedPosition?: string;
  headsRecorded = 0;
  broken?: ChainBreak;
  private readonly anchors: Map<number, string>;
  /** The Merkle tree over the events matched to links, then (after a break) over the events as the log has them. */
  readonly tree: TreeWalk;

  constructor(readonly orgId: string, anchors: HeadAnchor[] = [], witnessed: readonly WitnessedCheckpoint[] = []) {
    this.head = genesisHash(orgId);
    this.matchedHead = this.head;
    this.anchors = new Map(anchors.map((a) => [a.count, a.head.toLowerCase()]));
    this.tree = new TreeWalk(witnessed);
  }

  get unsealed(): number {
    return this.broken ? 0 : this.queue.length - this.next;
  }

  /** An event of the organisation, in log order (after a break: into the tree only). */
  event(position: string, id: string, streamId: string, revision: number, canonical: string, created: string): void {
    this.head = chainHash(this.head, canonical);
    if (this.broken) this.tree.push(this.head, created);
    else this.queue.push({ position, id, streamId, revision, hash: this.head, created });
  }

  /** The links of an `EventsChained`, then its stated head and count. */
  links(links: ChainLinks, head: string, count: number, at: string): void {
    const { position, eventId, hash } = links;
    for (let i = 0; i < position.length; i++) {
      const found = this.queue[this.next];
      // The common case without allocating: the next event waiting is the one the link names, with the same hash.
      if (found && found.position === position[i] && found.id === eventId[i] && found.hash === hash[i] && (this.anchors.size === 0 || !this.anchors.has(this.matched + 1))) {
        this.queue[this.next++] = undefined;
        this.matched++;
        this.matchedHead = found.hash;
        this.matchedPosition = found.position;
        this.tree.push(found.hash, found.created);
        continue;
      }
      const last = i + 1 === position.length;
      this.link(linkAt(links, i), last ? { head } : { next: hash[i + 1] }, at);
      if (this.broken) return;
    }
    if (head !== this.matchedHead || count !== this.matched) this.headMismatch(at, head);
    if (this.next > 1024 && this.next * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.next);
      this.next = 0;
    }
  }

  /** A `ChainHeadRecorded`: the head it states, that no event of the organisation up to its position is left unlinked, and the tree's root. */
  recordedHead(head: string, count: number, position: string, at: string, root?: string): void {
    const waiting = this.queue[this.next];
    if (waiting && order(waiting.position, position) <= 0) return this.fail('inserted', waiting, this.matched + 1);
    if (head !== this.matchedHead || count !== this.matched) return this.headMismatch(at, head);
    if (root !== undefined && this.tree.size === count && root !== this.tree.rootHex()) return this.damaged(at);
    this.headsRecorded++;
  }

  /** A chain record that is not what the sealer writes: the chain itself was tampered with. */
  damaged(at: string): void {
    const b: ChainBreak = { kind: 'chain-damaged', position: at, ordinal: this.matched + 1, message: '' };
    this.stop({ ...b, message: breakMessage(b) });
  }

  /** After the whole log: anchors beyond the chain's end mean the chain lost links since; the events not sealed yet go into the tree (the log as it is). */
  finish(): void {
    if (this.broken) return;
    for (let i = this.next; i < this.queue.length; i++) this.tree.push(this.queue[i]!.hash, this.queue[i]!.created);
    const beyond = [...this.anchors.entries()].filter(([count]) => count > this.matched).sort((a, b) => a[0] - b[0])[0];
    if (beyond) this.headMismatch(this.matchedPosition ?? '-1/-1', beyond[1], beyond[0]);
  }

  /** `after`: what the record states after this link: the next link's hash, or its head after the last link. */
  private link(link: Link, after: { next: string } | { head: string }, at: string): void {
    const ordinal = this.matched + 1;
    const found = this.queue[this.next];
    if (!found || found.position !== link.position || found.id !== link.eventId) {
      const o = found ? order(found.position, link.position) : 1;
      if (!found || o > 0) return this.fail('deleted', { position: link.position, id: link.eventId, streamId: link.streamId, revision: link.revision }, ordinal);
      return this.fail('inserted', found, ordinal, o === 0 ? link : undefined);
    }
    if (found.hash !== link.hash) {
      // A changed event changes every chain hash from it on; a link hash damaged in the record leaves the rest agreeing with the events.
      const restAgrees = 'head' in after ? after.head === found.hash : after.next === this.queue[this.next + 1]?.hash;
      return restAgrees ? this.damaged(at) : this.fail('changed', found, ordinal);
    }
    this.queue[this.next++] = undefined;
    this.matched = ordinal;
    this.matchedHead = found.hash;
    this.matchedPosition = found.position;
    this.tree.push(found.hash, found.created);
    const anchored = this.anchors.get(ordinal);
    if (anchored !== undefined && anchored !== found.hash) this.headMismatch(found.position, anchored, ordinal);
  }

  private fail(kind: ChainBreak['kind'], at: Omit<Pending, 'hash' | 'created'>, ordinal: number, expected?: Link): void {
    const b: ChainBreak = {
      kind, position: at.position, ordinal, eventId: at.id, streamId: at.streamId, revision: at.revision,
      expected: expected && { eventId: expected.eventId, streamId: expected.streamId, revision: expected.revision },
      message: '',
    };
    this.stop({ ...b, message: breakMessage(b) });
  }

  private headMismatch(at: string, expectedHead: string, ordinal = this.matched): void {
    const b: ChainBreak = { kind: 'head-mismatch', position: at, ordinal, expected: { head: expectedHead }, message: '' };
    this.stop({ ...b, message: breakMessage(b, this.matchedHead) });
  }

  /** The walk ends at the break; the events it still held go on into the tree, in log order. */
  private stop(b: ChainBreak): void {
    this.broken = b;
    for (let i = this.next; i < this.queue.length; i++) this.tree.push(this.queue[i]!.hash, this.queue[i]!.created);
    this.queue = [];
    this.next = 0;
  }
}

const order = (a: string, b: string): number => comparePositions(positionFromString(a), positionFromString(b));
