import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  SIGNATURE_COSIGNATURE_V1, checkKeyName, ed25519PublicKey, fingerprintOf, keyIdOf, privateKeyOf, rawPublicKey, vkeyOf, type NoteVerifier,
} from './note';

/**
 * c2sp.org/tlog-cosignature, Ed25519 (signature type 0x04): the witness signs
 * `cosignature/v1\ntime <POSIX seconds>\n` followed by the checkpoint's text, and the signature
 * bytes are the 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature.
 */
const message = (text: string, timestamp: number) => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');

export class Cosigner {
  readonly keyId: string;
  readonly publicKey: Buffer;
  private readonly key: KeyObject;

  constructor(readonly name: string, pkcs8: Uint8Array) {
    checkKeyName(name);
    this.key = privateKeyOf(pkcs8);
    this.publicKey = rawPublicKey(createPublicKey(this.key));
    this.keyId = keyIdOf(name, SIGNATURE_COSIGNATURE_V1, this.publicKey);
  }

  get vkey(): string {
    return vkeyOf(this.name, SIGNATURE_COSIGNATURE_V1, this.publicKey);
  }

  get fingerprint(): string {
    return fingerprintOf(SIGNATURE_COSIGNATURE_V1, this.publicKey);
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
