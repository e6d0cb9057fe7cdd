import { parseSignedCheckpoint, withSignatureLines, verifyNote } from '#libs/transparency';
import type { ChainTreeIndexes } from './chain-tree-index';
import type { CheckpointSigner } from './checkpoint-signer';
import type { WitnessClient } from './witness-client';

/** What became of a checkpoint sent to the witness. */
export type Publication =
  | { kind: 'cosigned'; size: number; note: string }
  /** The witness holds more than this log has: the log got shorter since. */
  | { kind: 'shorter'; size: number; witnessSize: number; message: string }
  | { kind: 'refused'; size: number; status: number; message: string }
  | { kind: 'unreachable'; size: number; message: string }
  | { kind: 'nothing'; size: 0 };

/**
 * Sends an organisation's checkpoints to the witness with a consistency proof from the size the
 * witness holds (c2sp.org/tlog-witness): the latest one signed into the log after each recorded
 * head, and one made on demand (a printed statement). The proof comes from the tree the chain
 * stream states; the witness's size is learnt from its 409 the first time. A refusal is logged:
 * it means the log no longer extends what the witness cosigned.
 */
export class CheckpointPublisher {
  private readonly witnessSize = new Map<string, number>();
  private readonly serial = new Map<string, Promise<unknown>>();
  private readonly down = new Set<string>();

  constructor(
    private readonly signer: CheckpointSigner,
    private readonly indexes: ChainTreeIndexes,
    readonly witness: WitnessClient,
    private readonly now: () => Date,
    private readonly log?: (message: string) => void,
  ) {}

  /** The latest checkpoint signed into the log, to the witness. */
  publishLatest(orgId: string): Promise<Publication> {
    return this.one(orgId, async () => {
      const index = await this.indexes.of(orgId);
      const sizes = [...index.checkpoints.keys()];
      if (sizes.length === 0) return { kind: 'nothing', size: 0 };
      const size = Math.max(...sizes);
      return this.submit(orgId, index.checkpoints.get(size)!, size);
    });
  }

  /** A checkpoint of the tree as the chain stream has it now, signed now, to the witness. */
  checkpointNow(orgId: string): Promise<Publication> {
    return this.one(orgId, async () => {
      const index = await this.indexes.of(orgId);
      if (index.size === 0) return { kind: 'nothing', size: 0 };
      const note = index.checkpoints.get(index.size) ?? this.signer.sign(orgId, index.size, index.tree.rootAt(index.size), this.now().toISOString());
      return this.submit(orgId, note, index.size);
    });
  }

  /** One submission per organisation at a time: the size learnt from one feeds the next. */
  private one(orgId: string, work: () => Promise<Publication>): Promise<Publication> {
    const run = (this.serial.get(orgId) ?? Promise.resolve()).then(work);
    this.serial.set(orgId, run.catch(() => undefined));
    return run;
  }

  private async submit(orgId: string, note: string, size: number): Promise<Publication> {
    const index = await this.indexes.of(orgId);
    let old = this.witnessSize.get(orgId) ?? 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const proof = old <= size && size <= index.size ? index.tree.consistencyProof(old, size) : [];
      let answer;
      try {
        answer = await this.witness.add(old, proof, note);
      } catch (error) {
        const message = `свидетель ${this.witness.url} недоступен (${(error as Error).name})`;
        if (!this.down.has(orgId)) this.log?.(`Контрольная сумма журнала организации ${orgId} (${size} событий) не заверена: ${message}; повтор со следующей.`);
        this.down.add(orgId);
        return { kind: 'unreachable', size, message };
      }
      this.down.delete(orgId);
      if (answer.kind === 'conflict') {
        old = answer.size;
        this.witnessSize.set(orgId, old);
        continue;
      }
      if (answer.kind === 'refused') {
        const shorter = old > size;
        this.log?.(`Свидетель отказался заверить контрольную сумму журнала организации ${orgId} (${size} событий): ${answer.message} Проверьте журнал (npm run cli -- verify --org ${orgId}).`);
        return shorter ? { kind: 'shorter', size, witnessSize: old, message: answer.message } : { kind: 'refused', size, status: answer.status, message: answer.message };
      }
      const cosigned = withSignatureLines(note, answer.lines);
      // Only the witness's own key makes it a witnessed checkpoint.
      verifyNote(parseSignedCheckpoint(cosigned).note, [this.witness.verifier]);
      this.witnessSize.set(orgId, size);
      return { kind: 'cosigned', size, note: cosigned };
    }
    return { kind: 'refused', size, status: 409, message: 'свидетель всё время называет другой размер' };
  }
}
