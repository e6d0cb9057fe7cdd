import { positionFromString, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { MerkleTree, leafOfHex } from '#libs/transparency';
import { chainStreamOf, wellFormedLinks, type ChainHeadRecorded, type EventsChained } from './chain.events';
import { genesisHash } from './chain-hash';

/**
 * One organisation's Merkle tree as its chain stream states it, in memory, for proofs and for the
 * witness: every entry (the links' chain hashes, 32 bytes each), every node of the tree, the log
 * position of each entry (to find an event's index), and the checkpoints signed into recorded heads.
 * About 104 bytes an event. It follows the chain stream: `refresh` reads only what was appended
 * since, and starts over when the stream got shorter (cut, or restored from an older copy).
 */
export class ChainTreeIndex {
  tree = new MerkleTree();
  /** Checkpoint notes recorded in the log, by tree size. */
  checkpoints = new Map<number, string>();
  /** A chain record the sealer does not write: the tree stops before it. */
  damagedAt?: string;
  private entries = Buffer.alloc(32 * 1024);
  private commits = new Float64Array(1024);
  private revision = -1;
  private lastId?: string;
  private refreshing: Promise<void> | null = null;
  private readonly genesis: string;

  constructor(private readonly store: EventStore, readonly orgId: string) {
    this.genesis = genesisHash(orgId);
  }

  get size(): number {
    return this.tree.size;
  }

  /** Bytes its buffers take (entries, positions, the tree's nodes): about 104 an entry, buffers grown by doubling. */
  get bytes(): number {
    return this.entries.length + this.commits.byteLength + this.tree.bytes;
  }

  /** Reads what the chain stream gained; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async read(): Promise<void> {
    const stream = chainStreamOf(this.orgId);
    let events: RecordedEvent[] = await this.store.readStream(stream, Math.max(0, this.revision));
    if (this.revision >= 0 && events[0]?.id !== this.lastId) {
      this.reset();
      events = await this.store.readStream(stream, 0);
    } else if (this.revision >= 0) {
      events = events.slice(1);
    }
    for (const e of events) {
      this.revision = e.revision;
      this.lastId = e.id;
      if (this.damagedAt) continue;
      if (e.type === 'EventsChained') {
        const links = (e.data as Partial<EventsChained>).links;
        if (!wellFormedLinks(links) || links.hash.some((h) => !/^[0-9a-f]{64}$/.test(h))) {
          this.damagedAt = `${e.streamId}@${e.revision}`;
          continue;
        }
        for (let i = 0; i < links.hash.length; i++) this.add(links.hash[i], links.position[i]);
      } else if (e.type === 'ChainHeadRecorded') {
        const r = e.data as Partial<ChainHeadRecorded>;
        if (typeof r.checkpoint === 'string' && r.count === this.size) this.checkpoints.set(r.count, r.checkpoint);
      }
    }
  }

  private reset(): void {
    this.tree = new MerkleTree();
    this.checkpoints = new Map();
    this.damagedAt = undefined;
    this.revision = -1;
    this.lastId = undefined;
  }

  private add(hashHex: string, position: string): void {
    const i = this.size;
    if ((i + 1) * 32 > this.entries.length) {
      const bigger = Buffer.alloc(this.entries.length * 2);
      this.entries.copy(bigger);
      this.entries = bigger;
      const commits = new Float64Array(this.commits.length * 2);
      commits.set(this.commits);
      this.commits = commits;
    }
    this.entries.write(hashHex, i * 32, 32, 'hex');
    this.commits[i] = Number(positionFromString(position).commit);
    this.tree.push(leafOfHex(hashHex));
  }

  /** The chain hash of entry `i` (hex); entry -1 is the chain's start (its genesis hash). */
  entryHex(i: number): string {
    return i < 0 ? this.genesis : this.entries.toString('hex', i * 32, (i + 1) * 32);
  }

  /** Indexes of the entries linked at `position`'s commit (one, unless a store puts several events in one commit). */
  indexesAt(position: LogPosition): number[] {
    const commit = Number(position.commit);
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.commits[mid] < commit) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < this.size && this.commits[i] === commit; i++) found.push(i);
    return found;
  }
}

/** The indexes of the organisations asked about, per process. */
export class ChainTreeIndexes {
  private readonly indexes = new Map<string, ChainTreeIndex>();

  constructor(private readonly store: EventStore) {}

  async of(orgId: string): Promise<ChainTreeIndex> {
    let index = this.indexes.get(orgId);
    if (!index) this.indexes.set(orgId, (index = new ChainTreeIndex(this.store, orgId)));
    await index.refresh();
    return index;
  }
}
