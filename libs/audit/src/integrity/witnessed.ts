import { SIGNATURE_COSIGNATURE_V1, fingerprintOf, parseSignedCheckpoint, verifyNote, type NoteVerifier } from '#libs/transparency';
import type { WitnessClient } from './witness-client';

/** A checkpoint the witness cosigned, its signatures checked: what verification holds the log against. */
export interface WitnessedCheckpoint {
  size: number;
  /** The tree's root, hex (the checkpoint writes it in base64). */
  root: string;
  /** When the organisation signed it (the checkpoint's `time` line). */
  time?: string;
  /** When the witness cosigned it (its cosignature's timestamp), ISO 8601. */
  cosignedAt: string;
  /** The whole note: the checkpoint, the organisation's signatures and the witness's. */
  note: string;
  signatures: { by: 'organisation' | 'witness'; name: string; keyId: string; fingerprint: string }[];
}

/** A checkpoint the witness refused (it keeps them: a shorter log, or one rewritten). */
export interface WitnessRefusal {
  size: number;
  status: number;
  reason: string;
  at: string;
}

/** The checkpoint of a cosigned note, when the witness's cosignature verifies (and the organisation's keys, those it knows). */
export function witnessedOf(note: string, witness: WitnessClient, organisation: readonly NoteVerifier[]): WitnessedCheckpoint {
  const { checkpoint, note: parsed } = parseSignedCheckpoint(note);
  const { verified } = verifyNote(parsed, [witness.verifier, ...organisation]);
  const cosignature = verified.find((v) => v.verifier === witness.verifier);
  if (!cosignature) throw new Error('the witness did not cosign this checkpoint');
  return {
    size: checkpoint.size, root: checkpoint.root.toString('hex'), time: checkpoint.time, note,
    cosignedAt: new Date(witness.verifier.timestampOf(cosignature.signature.signature) * 1000).toISOString(),
    signatures: verified.map(({ verifier: v }) => ({
      by: v === witness.verifier ? 'witness' : 'organisation', name: v.name, keyId: v.keyId,
      fingerprint: fingerprintOf(v === witness.verifier ? SIGNATURE_COSIGNATURE_V1 : v.type, v.publicKey),
    })),
  };
}

/** What the witness holds of a log, the signatures checked; a record whose signatures do not verify is counted, not used. */
export async function witnessedCheckpoints(witness: WitnessClient, origin: string, organisation: readonly NoteVerifier[]): Promise<{ checkpoints: WitnessedCheckpoint[]; refusals: WitnessRefusal[]; unverified: number }> {
  const checkpoints: WitnessedCheckpoint[] = [];
  const refusals: WitnessRefusal[] = [];
  let unverified = 0;
  for (const r of await witness.records(origin)) {
    if (r.kind === 'refused') refusals.push({ size: r.size, status: r.status, reason: r.reason, at: r.at });
    else {
      try {
        checkpoints.push(witnessedOf(r.note, witness, organisation));
      } catch {
        unverified++;
      }
    }
  }
  return { checkpoints: checkpoints.sort((a, b) => a.size - b.size), refusals, unverified };
}
