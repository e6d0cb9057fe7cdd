import { hash } from 'node:crypto';
import {
  SIGNATURE_COSIGNATURE_V1, addCheckpointBody, cosignatureVerifier, fingerprintOf, parseVkey, type CosignatureVerifier,
} from '#libs/transparency';

/** The witness's answer to a checkpoint (c2sp.org/tlog-witness). */
export type AddCheckpointAnswer =
  | { kind: 'cosigned'; lines: string[] }
  /** 409: the witness holds another size; send again from it. */
  | { kind: 'conflict'; size: number }
  | { kind: 'refused'; status: number; message: string };

/** A record the witness keeps of a log (its `GET /<origin hash>/records`). */
export type WitnessRecordView =
  | { kind: 'cosigned'; size: number; root: string; note: string; at: string }
  | { kind: 'refused'; size: number; root: string; oldSize: number; status: number; reason: string; note: string; at: string };

/**
 * The organisation's side of the witness protocol over HTTP: submit a checkpoint with its
 * consistency proof, read back what the witness keeps. The witness is known by its URL and its
 * verifier key (`AUDIT_WITNESS_URL`, `AUDIT_WITNESS_KEY`): an answer its key did not sign is not taken.
 */
export class WitnessClient {
  readonly verifier: CosignatureVerifier;
  readonly fingerprint: string;
  readonly vkey: string;

  constructor(readonly url: string, vkey: string, private readonly timeoutMs = 5000) {
    const key = parseVkey(vkey);
    this.vkey = vkey.trim();
    if (key.type !== SIGNATURE_COSIGNATURE_V1) throw new Error('AUDIT_WITNESS_KEY: свидетель заверяет ключом типа 0x04 (c2sp.org/tlog-cosignature), а этот ключ другого типа.');
    this.verifier = cosignatureVerifier(key.name, key.publicKey);
    this.fingerprint = fingerprintOf(key.type, key.publicKey);
    this.url = url.replace(/\/+$/, '');
  }

  get name(): string {
    return this.verifier.name;
  }

  async add(oldSize: number, proof: readonly Uint8Array[], note: string): Promise<AddCheckpointAnswer> {
    const r = await fetch(`${this.url}/add-checkpoint`, { method: 'POST', body: addCheckpointBody(oldSize, proof, note), signal: AbortSignal.timeout(this.timeoutMs) });
    const body = await r.text();
    if (r.status === 200) return { kind: 'cosigned', lines: body.split('\n').filter((l) => l.startsWith('\u2014 ')) };
    if (r.status === 409 && /^\d+\n?$/.test(body)) return { kind: 'conflict', size: Number(body.trim()) };
    return { kind: 'refused', status: r.status, message: body.trim() };
  }

  async records(origin: string): Promise<WitnessRecordView[]> {
    const r = await fetch(`${this.url}/${hash('sha256', origin, 'hex')}/records`, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!r.ok) throw new Error(`свидетель ответил ${r.status}`);
    return ((await r.json()) as { records: WitnessRecordView[] }).records;
  }
}
