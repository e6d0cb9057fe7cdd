import { CompactRange } from '#libs/transparency';
import type { WitnessedCheckpoint } from './witnessed';

/** How the log contradicts a checkpoint the witness cosigned. */
export type ContradictionKind =
  /** The log holds fewer of the organisation's events than the witnessed checkpoint. */
  | 'truncated'
  /** Its first N events give another root, and some of them were recorded after the witness cosigned N: an older state of the log, continued. */
  | 'rolled-back'
  /** Another root, the chain agreeing with the events: events changed and every link recomputed. */
  | 'recomputed'
  /** Another root, and the chain itself broken (reported as the chain's break). */
  | 'rewritten';

export interface Contradiction {
  kind: ContradictionKind;
  checkpoint: WitnessedCheckpoint;
  /** The organisation's events in the log (for `truncated`). */
  logSize: number;
  /** The latest witnessed checkpoint the log still agrees with. */
  lastAgreeing?: WitnessedCheckpoint;
}

/**
 * The Merkle tree over one organisation's log, recomputed from the events themselves during
 * verification (entry = the event's chain hash, as the sealer builds it), with the root taken at
 * the size of every checkpoint the witness cosigned. The chain walk feeds it each event it matches
 * to a link, and after a break every event as the log has it, so the witness is checked against the
 * events whatever became of the chain records.
 */
export class TreeWalk {
  readonly tree = CompactRange.empty();
  /** The latest `created` of the events in the tree (ISO 8601 strings compare in time order). */
  private latest = '';
  private next = 0;
  private readonly roots = new Map<number, { root: string; latest: string }>();

  constructor(private readonly witnessed: readonly WitnessedCheckpoint[] = []) {}

  get size(): number {
    return this.tree.size;
  }

  push(chainHashHex: string, created: string): void {
    this.tree.pushEntryHex(chainHashHex);
    if (created > this.latest) this.latest = created;
    const w = this.witnessed;
    while (this.next < w.length && w[this.next].size <= this.tree.size) {
      if (w[this.next].size === this.tree.size) this.roots.set(this.tree.size, { root: this.rootHex(), latest: this.latest });
      this.next++;
    }
  }

  rootHex(): string {
    return Buffer.from(this.tree.rootLatin1(), 'latin1').toString('hex');
  }

  /** The first witnessed checkpoint the log contradicts, smallest first; none when it agrees with all. */
  contradiction(chainIntact: boolean): { agreeing?: WitnessedCheckpoint; contradiction?: Contradiction } {
    let agreeing: WitnessedCheckpoint | undefined;
    for (const w of this.witnessed) {
      const seen = this.roots.get(w.size) ?? (w.size === 0 ? { root: this.emptyRoot(), latest: '' } : undefined);
      if (!seen) return { agreeing, contradiction: { kind: 'truncated', checkpoint: w, logSize: this.size, lastAgreeing: agreeing } };
      if (seen.root !== w.root) {
        const kind: ContradictionKind = !chainIntact ? 'rewritten' : w.time !== undefined && seen.latest > w.time ? 'rolled-back' : 'recomputed';
        return { agreeing, contradiction: { kind, checkpoint: w, logSize: this.size, lastAgreeing: agreeing } };
      }
      agreeing = w;
    }
    return { agreeing };
  }

  private emptyRoot(): string {
    return Buffer.from(CompactRange.empty().rootLatin1(), 'latin1').toString('hex');
  }
}
