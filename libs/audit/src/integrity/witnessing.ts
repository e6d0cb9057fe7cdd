import { dirname, join } from 'node:path';
import type { EventStore } from '#libs/event-store';
import { ChainTreeIndexes } from './chain-tree-index';
import { CheckpointPublisher } from './checkpoint-publisher';
import { CheckpointSigner } from './checkpoint-signer';
import { DEFAULT_ORIGIN_BASE, type IntegrityOptions } from './integrity.config';
import { SigningKeys } from './signing-keys';
import type { WitnessInput } from './verification';
import { WitnessClient } from './witness-client';
import { witnessedCheckpoints } from './witnessed';

export const WITNESSING = Symbol('WITNESSING');

/**
 * Where the signing keys live: AUDIT_SIGNING_KEYS_DIR, else `signing-keys` beside the personal-data
 * key store's file, else (a key store in memory) in memory.
 */
export function signingKeysDirOf(options: Pick<IntegrityOptions, 'signingKeysDir'>, personalKeyStore: unknown): string | null {
  if (options.signingKeysDir) return options.signingKeysDir;
  const file = (personalKeyStore as { file?: unknown } | null)?.file;
  return typeof file === 'string' && file !== ':memory:' ? join(dirname(file), 'signing-keys') : null;
}

/**
 * The organisation's side of witnessing, one per process: its signing keys and signer, the trees the
 * chain streams state (for proofs and consistency proofs), and, when a witness is configured, the
 * client and the publisher that sends it every checkpoint.
 */
export class Witnessing {
  readonly signer: CheckpointSigner;
  readonly indexes: ChainTreeIndexes;
  readonly witness?: WitnessClient;
  readonly publisher?: CheckpointPublisher;

  constructor(
    store: EventStore,
    options: Pick<IntegrityOptions, 'originBase' | 'witnessUrl' | 'witnessKey'> & { keysDir: string | null },
    now: () => Date,
    private readonly log?: (message: string) => void,
  ) {
    this.signer = new CheckpointSigner(new SigningKeys(options.keysDir, now), options.originBase ?? DEFAULT_ORIGIN_BASE);
    this.indexes = new ChainTreeIndexes(store);
    if (options.witnessUrl) {
      if (!options.witnessKey) throw new Error('AUDIT_WITNESS_URL задан без AUDIT_WITNESS_KEY: нужен ключ проверки свидетеля (его печатает npm run cli -- witness при запуске).');
      this.witness = new WitnessClient(options.witnessUrl, options.witnessKey);
      this.publisher = new CheckpointPublisher(this.signer, this.indexes, this.witness, now, log);
    }
  }

  private readonly sending = new Set<Promise<unknown>>();

  /** For the sealer: after heads (and their checkpoints) are recorded, each goes to the witness, in the background. */
  readonly onHeadsRecorded = (orgIds: string[]): void => {
    for (const org of orgIds) {
      const sent = this.publisher?.publishLatest(org).catch((error) => this.log?.(`Контрольная сумма журнала организации ${org} не отправлена свидетелю: ${(error as Error).message}`));
      if (!sent) continue;
      this.sending.add(sent);
      void sent.finally(() => this.sending.delete(sent));
    }
  };

  /** Waits for the checkpoints still on their way to the witness (a process about to exit). */
  async settled(): Promise<void> {
    while (this.sending.size > 0) await Promise.allSettled([...this.sending]);
  }

  /** What the witness holds of the organisation's log, its signatures checked: what verification holds the log against. */
  async witnessInput(orgId: string): Promise<WitnessInput> {
    if (!this.witness) return { status: 'off' };
    const witness = { name: this.witness.name, url: this.witness.url, fingerprint: this.witness.fingerprint };
    try {
      return { status: 'ok', witness, ...(await witnessedCheckpoints(this.witness, this.signer.origin(orgId), this.signer.verifiers(orgId))) };
    } catch {
      return { status: 'unreachable', witness };
    }
  }
}
