import { sign, verify } from 'node:crypto';
import {
  NamedEd25519Key, SIGNATURE_COSIGNATURE_V1, ed25519PublicKey, keyIdOf, type NoteVerifier,
} from './note';

/**
 * c2sp.org/tlog-cosignature, Ed25519 (signature type 0x04): the witness signs
 * `cosignature/v1\ntime <POSIX seconds>\n` followed by the checkpoint's text, and the signature
 * bytes are the 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature.
 */
const message = (text: string, timestamp: number) => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');

export class Cosigner extends NamedEd25519Key {
  constructor(name: string, pkcs8: Uint8Array) {
    super(name, pkcs8, SIGNATURE_COSIGNATURE_V1);
  }

  /** The signature line over a checkpoint text at `timestamp` (POSIX seconds). */
  cosign(text: string, timestamp: number): string {
    const stamp = Buffer.alloc(8);
    stamp.writeBigUInt64BE(BigInt(timestamp));
    const signature = sign(null, message(text, timestamp), this.key);
    return `\u2014 ${this.name} ${Buffer.concat([Buffer.from(this.keyId, 'hex'), stamp, signature]).toString('base64')}`;
  }
}

export interface CosignatureVerifier extends NoteVerifier {
  /** The time a verified cosignature states (POSIX seconds). */
  timestampOf(signature: Buffer): number;
}

export function cosignatureVerifier(name: string, publicKey: Uint8Array): CosignatureVerifier {
  const key = ed25519PublicKey(publicKey);
  const timestampOf = (signature: Buffer) => Number(signature.readBigUInt64BE(0));
  return {
    name, keyId: keyIdOf(name, SIGNATURE_COSIGNATURE_V1, publicKey), type: SIGNATURE_COSIGNATURE_V1, publicKey: Buffer.from(publicKey),
    timestampOf,
    verify: (text, signature) => signature.length === 72 && timestampOf(signature) > 0 && verify(null, message(text, timestampOf(signature)), key, signature.subarray(8)),
  };
}
