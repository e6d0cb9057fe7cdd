import { comparePositions, positionFromString } from '#libs/event-store';
import { linkAt, type ChainLinks } from './chain.events';
import { chainHash, genesisHash } from './chain-hash';
import type { ChainBreak, HeadAnchor } from './verification.result';
import { breakMessage } from './verification.summary';

type Link = ReturnType<typeof linkAt>;

interface Pending {
  /** "commit/prepare", as links write it: equal text is the common case, order is compared only on a mismatch. */
  position: string;
  id: string;
  streamId: string;
  revision: number;
  hash: string;
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

  constructor(readonly orgId: string, anchors: HeadAnchor[] = []) {
    this.head = genesisHash(orgId);
    this.matchedHead = this.head;
    this.anchors = new Map(anchors.map((a) => [a.count, a.head.toLowerCase()]));
  }

  get unsealed(): number {
    return this.broken ? 0 : this.queue.length - this.next;
  }

  /** An event of the organisation, in log order. */
  event(position: string, id: string, streamId: string, revision: number, canonical: string): void {
    this.head = chainHash(this.head, canonical);
    this.queue.push({ position, id, streamId, revision, hash: this.head });
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
        continue;
      }
      this.link(linkAt(links, i));
      if (this.broken) return;
    }
    if (head !== this.matchedHead || count !== this.matched) this.headMismatch(at, head);
    if (this.next > 1024 && this.next * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.next);
      this.next = 0;
    }
  }

  /** A `ChainHeadRecorded`: the head it states, and that no event of the organisation up to its position is left unlinked. */
  recordedHead(head: string, count: number, position: string, at: string): void {
    const waiting = this.queue[this.next];
    if (waiting && order(waiting.position, position) <= 0) return this.fail('inserted', waiting, this.matched + 1);
    if (head !== this.matchedHead || count !== this.matched) return this.headMismatch(at, head);
    this.headsRecorded++;
  }

  /** A chain record that is not what the sealer writes: the chain itself was tampered with. */
  damaged(at: string): void {
    const b: ChainBreak = { kind: 'chain-damaged', position: at, ordinal: this.matched + 1, message: '' };
    this.stop({ ...b, message: breakMessage(b) });
  }

  /** After the whole log: anchors beyond the chain's end mean the chain lost links since. */
  finish(): void {
    if (this.broken) return;
    const beyond = [...this.anchors.entries()].filter(([count]) => count > this.matched).sort((a, b) => a[0] - b[0])[0];
    if (beyond) this.headMismatch(this.matchedPosition ?? '-1/-1', beyond[1], beyond[0]);
  }

  private link(link: Link): void {
    const ordinal = this.matched + 1;
    const found = this.queue[this.next];
    if (!found || found.position !== link.position || found.id !== link.eventId) {
      const o = found ? order(found.position, link.position) : 1;
      if (!found || o > 0) return this.fail('deleted', { position: link.position, id: link.eventId, streamId: link.streamId, revision: link.revision }, ordinal);
      return this.fail('inserted', found, ordinal, o === 0 ? link : undefined);
    }
    if (found.hash !== link.hash) return this.fail('changed', found, ordinal);
    this.queue[this.next++] = undefined;
    this.matched = ordinal;
    this.matchedHead = found.hash;
    this.matchedPosition = found.position;
    const anchored = this.anchors.get(ordinal);
    if (anchored !== undefined && anchored !== found.hash) this.headMismatch(found.position, anchored, ordinal);
  }

  private fail(kind: ChainBreak['kind'], at: Omit<Pending, 'hash'>, ordinal: number, expected?: Link): void {
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

  private stop(b: ChainBreak): void {
    this.broken = b;
    this.queue = [];
    this.next = 0;
  }
}

const order = (a: string, b: string): number => comparePositions(positionFromString(a), positionFromString(b));
