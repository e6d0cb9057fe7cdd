import {
  ConcurrencyError, comparePositions, positionToString, START,
  type EventStore, type LogPosition, type NewEvent, type RecordedEvent,
} from '#libs/event-store';
import { nextTurn, uuidFromName } from '#libs/kernel';
import { MAX_LINKS_PER_EVENT, chainOrgOf, isChainStream, type ChainHeadRecorded, type ChainLinks, type EventsChained } from './chain.events';
import { ChainRegistry } from './chain-registry';
import { canonicalText, chainHash } from './chain-hash';
import { emptyTail, foldChainEvents, type ChainTail } from './chain-tail';
import type { CheckpointSigner } from './checkpoint-signer';

/**
 * The writing side of the chains: the tail of every organisation's chain, links for new events,
 * appended with the chain stream's expected revision. When another process sealed first
 * (ConcurrencyError) the tail is re-read and only what it has not sealed is linked, after its head:
 * two sealers never fork a chain and never seal an event twice.
 */
export class ChainBook {
  private readonly tails = new Map<string, ChainTail>();
  private readonly registry: ChainRegistry;
  /** The last log position handed to `seal` (a new chain starts after it). */
  private processed: LogPosition = START;
  /** Organisations whose chain got shorter under this sealer: no longer sealed until a restart. */
  private readonly suspended = new Set<string>();

  /** `signer`: each recorded head also carries a checkpoint signed with the organisation's key. */
  constructor(private readonly store: EventStore, private readonly now: () => Date, private readonly onShrunk?: (orgId: string) => void, private readonly signer?: CheckpointSigner) {
    this.registry = new ChainRegistry(store, now);
  }

  /** Reads the registry and every chain's tail; returns the position sealing resumes after. */
  async load(): Promise<LogPosition> {
    this.tails.clear();
    this.registry.reset();
    await this.readRegistry();
    let resume: LogPosition | null = null;
    for (const tail of this.tails.values()) {
      const t = await this.refresh(tail);
      if (resume === null || comparePositions(t.through, resume) < 0) resume = t.through;
    }
    this.processed = resume ?? START;
    return this.processed;
  }

  chains(): ChainTail[] {
    return [...this.tails.values()];
  }

  /** Links every event not yet in its organisation's chain; chain streams themselves are skipped. */
  async seal(events: RecordedEvent[]): Promise<void> {
    const byOrg = new Map<string, { after: LogPosition; events: RecordedEvent[] }>();
    let previous = this.processed;
    for (const e of events) {
      if (!isChainStream(e.streamId)) {
        const org = chainOrgOf(e.metadata);
        const group = byOrg.get(org) ?? { after: previous, events: [] };
        group.events.push(e);
        byOrg.set(org, group);
      }
      previous = e.position;
    }
    for (const [org, group] of byOrg) await this.sealOrg(org, group.after, group.events);
    if (events.length > 0) this.processed = events[events.length - 1].position;
  }

  /** Appends `ChainHeadRecorded` to each chain `due` picks: its head, and that it covers the log up to the last sealed position. */
  async recordHeads(due: (tail: ChainTail) => boolean): Promise<string[]> {
    const recorded: string[] = [];
    for (const org of [...this.tails.keys()]) {
      for (;;) {
        const tail = this.tails.get(org)!;
        // Another process sealed past us: the head we hold no longer belongs to `processed`; it records its own.
        if (!due(tail) || this.suspended.has(org) || comparePositions(tail.through, this.processed) > 0) break;
        const data = this.headRecord(tail);
        try {
          await this.store.append(tail.stream, [this.chainEvent(tail, tail.revision, 'ChainHeadRecorded', data, `head:${data.position}`)], this.expected(tail));
          this.tails.set(org, { ...tail, revision: tail.revision + 1, through: this.processed, recordedCount: tail.count });
          recorded.push(org);
          break;
        } catch (error) {
          if (this.shrunk(error, tail)) break;
          await this.refresh(tail);
        }
      }
    }
    return recorded;
  }

  /** The head, and the tree's root and frontier, with the checkpoint signed over them. */
  private headRecord(tail: ChainTail): ChainHeadRecorded {
    const recordedAt = this.now().toISOString();
    const root = tail.tree.root();
    const data: ChainHeadRecorded = {
      head: tail.head, count: tail.count, position: positionToString(this.processed), recordedAt, root: root.toString('hex'), frontier: tail.tree.frontier(),
    };
    if (this.signer) data.checkpoint = this.signer.sign(tail.orgId, tail.count, root, recordedAt);
    return data;
  }

  private async sealOrg(org: string, after: LogPosition, events: RecordedEvent[]): Promise<void> {
    if (this.suspended.has(org)) return;
    let tail = this.tails.get(org) ?? (await this.open(org, after));
    for (;;) {
      const fresh = events.filter((e) => comparePositions(e.position, tail.through) > 0);
      if (fresh.length === 0) return;
      const { appended, next } = await this.link(tail, fresh);
      try {
        await this.store.append(tail.stream, appended, this.expected(tail));
        this.tails.set(org, next);
        return;
      } catch (error) {
        if (this.shrunk(error, tail)) return;
        tail = await this.refresh(tail);
      }
    }
  }

  /**
   * Rethrows what is not a conflict. A chain stream shorter than this sealer knew it was deleted or
   * cut: the sealer stops sealing that organisation rather than quietly start a new chain over it.
   */
  private shrunk(error: unknown, tail: ChainTail): boolean {
    if (!(error instanceof ConcurrencyError)) throw error;
    const actual = error.actual === 'no_stream' ? -1 : error.actual;
    if (actual >= tail.revision) return false;
    this.suspended.add(tail.orgId);
    this.onShrunk?.(tail.orgId);
    return true;
  }

  /**
   * The links of `events` after `tail`, in `EventsChained` events of at most MAX_LINKS_PER_EVENT links.
   * The event loop is let go between those records: hashing a few thousand events at once held it for
   * tens of milliseconds, and every request in flight waited behind it.
   */
  private async link(tail: ChainTail, events: RecordedEvent[]): Promise<{ appended: NewEvent[]; next: ChainTail }> {
    let head = tail.head;
    let count = tail.count;
    const tree = tail.tree.clone();
    const appended: NewEvent[] = [];
    for (let i = 0; i < events.length; i += MAX_LINKS_PER_EVENT) {
      if (i > 0) await nextTurn();
      const batch = events.slice(i, i + MAX_LINKS_PER_EVENT);
      const links: ChainLinks = { position: [], streamId: [], revision: [], eventId: [], hash: [] };
      for (const e of batch) {
        head = chainHash(head, canonicalText(e));
        tree.pushEntryHex(head);
        links.position.push(positionToString(e.position));
        links.streamId.push(e.streamId);
        links.revision.push(e.revision);
        links.eventId.push(e.id);
        links.hash.push(head);
      }
      count += batch.length;
      const data: EventsChained = { links, head, count };
      appended.push(this.chainEvent(tail, tail.revision + appended.length, 'EventsChained', data, data.head));
    }
    const through = events[events.length - 1].position;
    return { appended, next: { ...tail, revision: tail.revision + appended.length, head, count, through, tree } };
  }

  /** Ids derive from the stream, the revision and the content: a repeated append of the same batch is recognised by the store. */
  private chainEvent(tail: ChainTail, afterRevision: number, type: string, data: unknown, content: string): NewEvent {
    const id = uuidFromName(`auditchain:${tail.stream}:${afterRevision + 1}:${content}`);
    const recordedAt = this.now().toISOString();
    return { id, type, data, metadata: { orgId: tail.orgId, actorId: 'system', role: 'system', commandId: id, correlationId: id, causationId: id, recordedAt, schemaVersion: 1 } };
  }

  private expected(tail: ChainTail): number | 'no_stream' {
    return tail.revision < 0 ? 'no_stream' : tail.revision;
  }

  private async refresh(tail: ChainTail): Promise<ChainTail> {
    const t = foldChainEvents(tail, await this.store.readStream(tail.stream, tail.revision + 1));
    this.tails.set(t.orgId, t);
    return t;
  }

  /** A new organisation's chain: registered first, or found registered by another process meanwhile. */
  private async open(org: string, after: LogPosition): Promise<ChainTail> {
    while (!(await this.registry.open(org, after))) {
      await this.readRegistry();
      const opened = this.tails.get(org);
      if (opened) return this.refresh(opened);
    }
    const tail = emptyTail(org, after);
    this.tails.set(org, tail);
    return tail;
  }

  private async readRegistry(): Promise<void> {
    for (const { orgId, after } of await this.registry.readNew()) if (!this.tails.has(orgId)) this.tails.set(orgId, emptyTail(orgId, after));
  }
}
