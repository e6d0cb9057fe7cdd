import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NoteSigner, SIGNATURE_ED25519, ed25519Verifier, fingerprintOf, newEd25519Key, vkeyOf, type NoteVerifier } from '#libs/transparency';

/** One of an organisation's checkpoint keys as its file keeps it. */
export interface SigningKeyRecord {
  /** The key name: the log's origin when the key was made. */
  name: string;
  keyId: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  createdAt: string;
  /** From then on it no longer signs; it still verifies what it signed. */
  retiredAt?: string;
}

/** What may be shown of a key: everything but the private part. */
export interface SigningKeyView {
  name: string;
  keyId: string;
  vkey: string;
  fingerprint: string;
  createdAt: string;
  retiredAt?: string;
}

export const keyView = (k: SigningKeyRecord): SigningKeyView => {
  const pub = Buffer.from(k.publicKey, 'base64');
  return { name: k.name, keyId: k.keyId, vkey: vkeyOf(k.name, SIGNATURE_ED25519, pub), fingerprint: fingerprintOf(SIGNATURE_ED25519, pub), createdAt: k.createdAt, retiredAt: k.retiredAt };
};

/**
 * The organisations' checkpoint signing keys (Ed25519): one file per organisation,
 * `<dir>/<orgId>.json`, readable by its owner only, beside the personal-data key store by default
 * (AUDIT_SIGNING_KEYS_DIR). A key is made on first use. Rotation: `rotate` adds a key and both sign
 * until the old one is retired, so a witness that knows either accepts the checkpoints meanwhile;
 * a retired key keeps verifying what it signed. Every process re-reads a file when it changes.
 * `dir` null: in memory (a store in memory, benchmarks).
 */
export class SigningKeys {
  private readonly files = new Map<string, { mtime: number; keys: SigningKeyRecord[] }>();

  constructor(readonly dir: string | null, private readonly now: () => Date) {}

  /** Every key of the organisation, oldest first. */
  keysOf(orgId: string): SigningKeyRecord[] {
    if (this.dir === null) return this.files.get(orgId)?.keys ?? [];
    const file = this.fileOf(orgId);
    let mtime = 0;
    try {
      mtime = statSync(file).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return [];
    }
    const cached = this.files.get(orgId);
    if (cached?.mtime === mtime) return cached.keys;
    const keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKeyRecord[] }).keys;
    this.files.set(orgId, { mtime, keys });
    return keys;
  }

  /** The keys that sign the organisation's checkpoints under `origin`; the first is made now when there is none. */
  signersFor(orgId: string, origin: string): NoteSigner[] {
    let active = this.keysOf(orgId).filter((k) => k.name === origin && !k.retiredAt);
    if (active.length === 0) {
      this.create(orgId, origin);
      active = this.keysOf(orgId).filter((k) => k.name === origin && !k.retiredAt);
    }
    return active.map((k) => new NoteSigner(k.name, Buffer.from(k.privateKey, 'base64')));
  }

  /** Every key the organisation ever signed with, retired ones included. */
  verifiersFor(orgId: string): NoteVerifier[] {
    return this.keysOf(orgId).map((k) => ed25519Verifier(k.name, Buffer.from(k.publicKey, 'base64')));
  }

  /** A new key beside the current ones (both sign until the old is retired). */
  rotate(orgId: string, origin: string): SigningKeyRecord {
    const added = this.record(origin);
    this.write(orgId, [...this.keysOf(orgId), added], false);
    return added;
  }

  /** Retires a key (by key ID) that is not the last one signing under its name. */
  retire(orgId: string, keyId: string): SigningKeyRecord {
    const keys = this.keysOf(orgId);
    const key = keys.find((k) => k.keyId === keyId);
    if (!key) throw new Error(`У организации ${orgId} нет ключа ${keyId}.`);
    if (key.retiredAt) return key;
    if (!keys.some((k) => k !== key && k.name === key.name && !k.retiredAt)) throw new Error(`Ключ ${keyId} — последний, которым подписываются контрольные суммы: сначала добавьте новый.`);
    const retired = { ...key, retiredAt: this.now().toISOString() };
    this.write(orgId, keys.map((k) => (k === key ? retired : k)), false);
    return retired;
  }

  private record(origin: string): SigningKeyRecord {
    const { privateKey, publicKey } = newEd25519Key();
    const signer = new NoteSigner(origin, privateKey);
    return { name: origin, keyId: signer.keyId, publicKey: publicKey.toString('base64'), privateKey: privateKey.toString('base64'), createdAt: this.now().toISOString() };
  }

  private create(orgId: string, origin: string): void {
    this.write(orgId, [...this.keysOf(orgId), this.record(origin)], this.keysOf(orgId).length === 0);
  }

  /**
   * A whole file written beside and moved into place. The first one is linked, which fails when
   * another process made the file meanwhile: its key wins and this one is dropped.
   */
  private write(orgId: string, keys: SigningKeyRecord[], first: boolean): void {
    if (this.dir === null) {
      this.files.set(orgId, { mtime: 0, keys });
      return;
    }
    const file = this.fileOf(orgId);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify({ orgId, keys }, null, 2) + '\n', { mode: 0o600 });
    if (!first) return renameSync(temp, file);
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temp);
    }
  }

  private fileOf(orgId: string): string {
    return join(this.dir!, `${encodeURIComponent(orgId)}.json`);
  }
}
