import { checkpointText, signNote, type NoteVerifier } from '#libs/transparency';
import type { SigningKeys } from './signing-keys';

/** The origin of an organisation's log: `<AUDIT_LOG_ORIGIN>/<orgId>` (the id URI-encoded: no space or «+» may stand in a key name). */
export const originOf = (base: string, orgId: string): string => `${base}/${encodeURIComponent(orgId)}`;

/**
 * Signs an organisation's checkpoints (docs/transparency-formats.md): origin, tree size, root and
 * the time, as a C2SP signed note, with every key of the organisation not yet retired.
 */
export class CheckpointSigner {
  constructor(readonly keys: SigningKeys, readonly originBase: string) {}

  origin(orgId: string): string {
    return originOf(this.originBase, orgId);
  }

  sign(orgId: string, size: number, root: Uint8Array, time: string): string {
    const origin = this.origin(orgId);
    return signNote(checkpointText({ origin, size, root, time }), this.keys.signersFor(orgId, origin));
  }

  verifiers(orgId: string): NoteVerifier[] {
    return this.keys.verifiersFor(orgId);
  }
}
