import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * line per signature, `— <key name> base64(key ID || signature)`. Key ID = the first four bytes of
 * SHA-256(key name || "\n" || signature type || public key). Verifier keys ("vkeys") are
 * `<name>+<hex key ID>+base64(signature type || public key)`.
 */
export const SIGNATURE_ED25519 = 0x01;
/** c2sp.org/tlog-cosignature, Ed25519 with a timestamp (`cosignature.ts`). */
export const SIGNATURE_COSIGNATURE_V1 = 0x04;

const DASH = '\u2014';
/** Notes larger than this are refused unread (the spec asks verifiers to bound them). */
export const MAX_NOTE_BYTES = 64 * 1024;

export class NoteError extends Error {
  override readonly name = 'NoteError';
}

/** A key that checks one kind of signature line. */
export interface NoteVerifier {
  readonly name: string;
  /** The key ID, 8 lowercase hex digits. */
  readonly keyId: string;
  readonly type: number;
  readonly publicKey: Buffer;
  /** Checks the bytes after the key ID over the note text. */
  verify(text: string, signature: Buffer): boolean;
}

export interface NoteSignature {
  name: string;
  keyId: string;
  /** The signature bytes after the key ID. */
  signature: Buffer;
  /** The line as it stands in the note, without its newline. */
  line: string;
}

export interface ParsedNote {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

export function keyIdOf(name: string, type: number, publicKey: Uint8Array): string {
  return hash('sha256', Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.of(type), publicKey]), 'hex').slice(0, 8);
}

export function checkKeyName(name: string): string {
  if (name === '' || /[\s+]/u.test(name) || /[\u0000-\u001f]/.test(name)) throw new NoteError(`key name «${name}»: must be non-empty, without spaces or «+»`);
  return name;
}

export const vkeyOf = (name: string, type: number, publicKey: Uint8Array): string =>
  `${checkKeyName(name)}+${keyIdOf(name, type, publicKey)}+${Buffer.concat([Buffer.of(type), publicKey]).toString('base64')}`;

export function parseVkey(vkey: string): { name: string; keyId: string; type: number; publicKey: Buffer } {
  const m = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey.trim());
  if (!m) throw new NoteError('a verifier key is <name>+<8 hex digits>+<base64>');
  const material = Buffer.from(m[3], 'base64');
  const type = material[0];
  const publicKey = material.subarray(1);
  if (publicKey.length !== 32 || (type !== SIGNATURE_ED25519 && type !== SIGNATURE_COSIGNATURE_V1)) throw new NoteError('the verifier key is not an Ed25519 key (type 0x01 or 0x04)');
  if (keyIdOf(m[1], type, publicKey) !== m[2]) throw new NoteError('the verifier key\'s ID does not match its name and key');
  return { name: m[1], keyId: m[2], type, publicKey };
}

/**
 * A key's fingerprint for people to compare on paper or read aloud: SHA-256 of the signature type and
 * the public key, each 4 bytes as a number mod 100000, so 8 groups of 5 digits (about 133 bits; the key
 * ID is too short to tell keys apart by eye, and digits read in Russian as letters of hex do not).
 */
export function fingerprintOf(type: number, publicKey: Uint8Array): string {
  const digest = hash('sha256', Buffer.concat([Buffer.of(type), publicKey]), 'buffer');
  const groups: string[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(String(digest.readUInt32BE(i) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

export const ed25519PublicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

export const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/** A new Ed25519 key pair: the private key as PKCS#8 DER (for a key file), the public key raw (32 bytes). */
export function newEd25519Key(): { privateKey: Buffer; publicKey: Buffer } {
  const pair = generateKeyPairSync('ed25519');
  return { privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), publicKey: rawPublicKey(pair.publicKey) };
}

export const privateKeyOf = (pkcs8: Uint8Array): KeyObject => createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });

/** Verifies type 0x01 signatures: Ed25519 over the note text. */
export function ed25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = ed25519PublicKey(publicKey);
  return {
    name, keyId: keyIdOf(name, SIGNATURE_ED25519, publicKey), type: SIGNATURE_ED25519, publicKey: Buffer.from(publicKey),
    verify: (text, signature) => signature.length === 64 && verify(null, Buffer.from(text, 'utf8'), key, signature),
  };
}

/** An Ed25519 private key under a key name, for one signature type: its key ID, verifier key and fingerprint. */
export abstract class NamedEd25519Key {
  readonly keyId: string;
  readonly publicKey: Buffer;
  protected readonly key: KeyObject;

  protected constructor(readonly name: string, pkcs8: Uint8Array, private readonly signatureType: number) {
    checkKeyName(name);
    this.key = privateKeyOf(pkcs8);
    this.publicKey = rawPublicKey(createPublicKey(this.key));
    this.keyId = keyIdOf(name, signatureType, this.publicKey);
  }

  get vkey(): string {
    return vkeyOf(this.name, this.signatureType, this.publicKey);
  }

  get fingerprint(): string {
    return fingerprintOf(this.signatureType, this.publicKey);
  }
}

/** Signs note texts with an Ed25519 key under a key name (type 0x01). */
export class NoteSigner extends NamedEd25519Key {
  constructor(name: string, pkcs8: Uint8Array) {
    super(name, pkcs8, SIGNATURE_ED25519);
  }

  signatureLine(text: string): string {
    const signature = sign(null, Buffer.from(text, 'utf8'), this.key);
    return `${DASH} ${this.name} ${Buffer.concat([Buffer.from(this.keyId, 'hex'), signature]).toString('base64')}`;
  }
}

export function checkNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('a note text ends with a newline');
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('a note holds no control characters but newlines');
}

/** The note: the text, a blank line, the signature lines. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkNoteText(text);
  if (signers.length === 0) throw new NoteError('a note needs at least one signature');
  return `${text}\n${signers.map((s) => `${s.signatureLine(text)}\n`).join('')}`;
}

/** Splits a note into its text and signature lines (nothing is verified). */
export function parseNote(note: string): ParsedNote {
  if (Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) throw new NoteError('the note is too large');
  if (!note.endsWith('\n')) throw new NoteError('a note ends with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('a note has a blank line before its signatures');
  const text = note.slice(0, split + 1);
  checkNoteText(text);
  const signatures = note.slice(split + 2, -1).split('\n').map((line): NoteSignature => {
    const m = new RegExp(`^${DASH} ([^\\s+]+) ([A-Za-z0-9+/]+={0,2})$`).exec(line);
    const bytes = m ? Buffer.from(m[2], 'base64') : Buffer.alloc(0);
    if (!m || bytes.length < 5) throw new NoteError(`not a signature line: ${line.slice(0, 80)}`);
    return { name: m[1], keyId: bytes.subarray(0, 4).toString('hex'), signature: bytes.subarray(4), line };
  });
  return { text, signatures };
}

/**
 * The signatures of known keys, verified (c2sp.org/signed-note): unknown keys are ignored, a known
 * key whose signature fails rejects the whole note, and a note no known key verified is rejected.
 */
export function verifyNote(note: string | ParsedNote, verifiers: readonly NoteVerifier[]): { text: string; verified: { verifier: NoteVerifier; signature: NoteSignature }[] } {
  const parsed = typeof note === 'string' ? parseNote(note) : note;
  const verified: { verifier: NoteVerifier; signature: NoteSignature }[] = [];
  for (const s of parsed.signatures) {
    const v = verifiers.find((k) => k.name === s.name && k.keyId === s.keyId);
    if (!v) continue;
    if (!v.verify(parsed.text, s.signature)) throw new NoteError(`the signature of ${s.name} (${s.keyId}) does not verify`);
    verified.push({ verifier: v, signature: s });
  }
  if (verified.length === 0) throw new NoteError('no signature of a known key');
  return { text: parsed.text, verified };
}

/** A note with more signature lines (a witness's cosignatures added to the log's note). */
export function withSignatureLines(note: string, lines: readonly string[]): string {
  const { signatures } = parseNote(note);
  const have = new Set(signatures.map((s) => s.line));
  return `${note}${lines.filter((l) => !have.has(l)).map((l) => `${l}\n`).join('')}`;
}
