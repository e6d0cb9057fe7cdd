import { Inject, Injectable } from '@nestjs/common';
import { STORED_EVENT_STORE, type EventStore } from '#libs/event-store';
import { DomainError } from '#core/shared';
import { CLOCK, type Clock } from '#libs/kernel';
import type { Actor } from '#core/people';
import { consistencyProofText, inclusionProofText, parseSignedCheckpoint } from '#libs/transparency';
import { chainOrgOf, isChainStream } from './chain.events';
import { canonicalText, chainHash } from './chain-hash';
import type { ChainTreeIndex } from './chain-tree-index';
import { IntegrityService } from './integrity.service';
import { keyView, type SigningKeyView } from './signing-keys';
import { WITNESSING, type Witnessing } from './witnessing';
import { witnessedOf } from './witnessed';

const notFound = (message: string) => new DomainError({ kind: 'not-found', code: 'not-found', message });
const conflict = (code: string, message: string) => new DomainError({ kind: 'conflict', code, message });

/** The checkpoints of one organisation's log and what can be proved against them. */
export interface CheckpointsView {
  origin: string;
  /** Entries in the tree the chain stream states. */
  size: number;
  keys: SigningKeyView[];
  witness: { name: string; url: string; vkey: string; fingerprint: string } | null;
  /** Every signed checkpoint known, smallest first: those the witness cosigned (`witnessed`) and those only in the log. */
  checkpoints: { size: number; time?: string; witnessed: boolean }[];
}

/**
 * Inclusion proofs for one event and consistency proofs between two checkpoints, as files an
 * auditor checks without the app (docs/transparency-formats.md, `tools/verify-proof.mjs`). A proof is
 * built against a signed checkpoint: one the witness cosigned when there is one, else one the log
 * recorded; an inclusion proof for an event newer than all of them gets a checkpoint made now.
 */
@Injectable()
export class ProofService {
  constructor(
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(WITNESSING) private readonly witnessing: Witnessing,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly integrity: IntegrityService,
  ) {}

  async checkpoints(actor: Actor): Promise<CheckpointsView> {
    this.integrity.authorize(actor);
    const index = await this.witnessing.indexes.of(actor.orgId);
    const { witnessed, notes } = await this.notes(actor.orgId, index);
    const w = this.witnessing.witness;
    return {
      origin: this.witnessing.signer.origin(actor.orgId),
      size: index.size,
      keys: this.witnessing.signer.keys.keysOf(actor.orgId).map(keyView),
      witness: w ? { name: w.name, url: w.url, vkey: w.vkey, fingerprint: w.fingerprint } : null,
      checkpoints: [...notes.keys()].sort((a, b) => a - b).map((size) => ({ size, time: parseSignedCheckpoint(notes.get(size)!).checkpoint.time, witnessed: witnessed.has(size) })),
    };
  }

  /** `c2sp.org/tlog-proof@v1` for the event at `revision` of `streamId`, against the checkpoint of `size` (or the best one). */
  async inclusion(actor: Actor, streamId: string, revision: number, size?: number): Promise<{ text: string; index: number; size: number }> {
    this.integrity.authorize(actor);
    const [event] = isChainStream(streamId) ? [] : await this.store.readStream(streamId, revision);
    if (!event || event.revision !== revision || chainOrgOf(event.metadata) !== actor.orgId) throw notFound('Такого события в журнале организации нет.');
    const index = await this.witnessing.indexes.of(actor.orgId);
    const canonical = canonicalText(event);
    const at = index.indexesAt(event.position).find((i) => chainHash(index.entryHex(i - 1), canonical) === index.entryHex(i));
    if (at === undefined) {
      throw index.indexesAt(event.position).length > 0
        ? conflict('event-not-as-sealed', 'Событие в журнале не совпадает с тем, что было включено в цепочку: проверьте целостность журнала.')
        : conflict('not-sealed-yet', 'Событие ещё не включено в цепочку (записано только что): повторите через несколько секунд.');
    }
    const note = await this.noteFor(actor.orgId, index, size, at + 1);
    const chosen = parseSignedCheckpoint(note).checkpoint.size;
    const extra = Buffer.from(`${index.entryHex(at - 1)}\n${canonical}`, 'utf8');
    return { text: inclusionProofText({ extra, index: at, path: index.tree.inclusionProof(at, chosen), note }), index: at, size: chosen };
  }

  /** `mentorship-engine/tlog-consistency@v1` between the checkpoints of `from` and `to` (default: the latest) entries. */
  async consistency(actor: Actor, from: number, to?: number): Promise<{ text: string; from: number; to: number }> {
    this.integrity.authorize(actor);
    const index = await this.witnessing.indexes.of(actor.orgId);
    const { notes } = await this.notes(actor.orgId, index);
    const target = to ?? Math.max(0, ...notes.keys());
    const oldNote = notes.get(from);
    const newNote = notes.get(target);
    if (!oldNote || !newNote) throw notFound(`Подписанной контрольной суммы журнала из ${!oldNote ? from : target} событий нет: доказательство строится между подписанными.`);
    if (from > target) throw new DomainError({ kind: 'invalid', code: 'invalid', message: 'Первая контрольная сумма должна охватывать не больше событий, чем вторая.' });
    return { text: consistencyProofText({ oldSize: from, proof: index.tree.consistencyProof(from, target), oldNote, newNote }), from, to: target };
  }

  /**
   * Signed checkpoints by size, each checked against the tree: a cosigned one from the witness over
   * the log's own; a checkpoint whose root the tree does not give is left out (verification reports it).
   */
  private async notes(orgId: string, index: ChainTreeIndex): Promise<{ notes: Map<number, string>; witnessed: Set<number> }> {
    const notes = new Map<number, string>();
    const witnessed = new Set<number>();
    const fits = (size: number, root: Buffer) => size <= index.size && index.tree.rootAt(size).equals(root);
    for (const [size, note] of index.checkpoints) if (fits(size, parseSignedCheckpoint(note).checkpoint.root)) notes.set(size, note);
    const w = this.witnessing.witness;
    if (w) {
      try {
        for (const r of await w.records(this.witnessing.signer.origin(orgId))) {
          if (r.kind !== 'cosigned') continue;
          const c = witnessedOf(r.note, w, this.witnessing.signer.verifiers(orgId));
          if (fits(c.size, Buffer.from(c.root, 'hex'))) {
            notes.set(c.size, r.note);
            witnessed.add(c.size);
          }
        }
      } catch {
        // The witness out of reach: proofs against the log's own checkpoints.
      }
    }
    return { notes, witnessed };
  }

  private async noteFor(orgId: string, index: ChainTreeIndex, size: number | undefined, least: number): Promise<string> {
    const { notes, witnessed } = await this.notes(orgId, index);
    if (size !== undefined) {
      const note = notes.get(size);
      if (!note || size < least) throw notFound(`Подписанной контрольной суммы журнала из ${size} событий, включающей это событие, нет.`);
      return note;
    }
    const covering = [...notes.keys()].filter((s) => s >= least).sort((a, b) => b - a);
    const best = covering.find((s) => witnessed.has(s)) ?? covering[0];
    if (best !== undefined) return notes.get(best)!;
    // Newer than every checkpoint: one made now, witnessed when the witness answers.
    const published = await this.witnessing.publisher?.checkpointNow(orgId);
    if (published?.kind === 'cosigned') return published.note;
    return this.witnessing.signer.sign(orgId, index.size, index.tree.rootAt(index.size), this.clock.now().toISOString());
  }
}
