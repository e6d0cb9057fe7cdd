import { readFileSync, statSync } from 'node:fs';
import { SIGNATURE_ED25519, ed25519Verifier, parseVkey, type NoteVerifier } from '#libs/transparency';

/**
 * The logs a witness serves and the keys it trusts for each: verifier keys (`<origin>+<key ID>+<key>`,
 * the key name being the log's origin), one a line, `#` starting a comment. The file is read again
 * whenever it changes, so a new organisation or a rotated key needs no restart. Several keys of one
 * origin are all trusted (a key being rotated and its successor).
 */
export class TrustedLogs {
  private keys: NoteVerifier[] = [];
  /** Lines of the file that are not a log's verifier key (skipped; the server says so once). */
  problems: string[] = [];
  private readAt = -1;
  private readonly added: string[] = [];

  /** `file`: the list on disk (absent: only keys added in code, as tests do). */
  constructor(private readonly file?: string) {}

  static of(vkeys: readonly string[]): TrustedLogs {
    const logs = new TrustedLogs();
    vkeys.forEach((k) => logs.trust(k));
    return logs;
  }

  trust(vkey: string): void {
    this.added.push(vkey);
    this.readAt = -1;
  }

  /** Reads the list now; its lines that are not a log's key. */
  check(): string[] {
    this.reload();
    return this.problems;
  }

  verifiersFor(origin: string): NoteVerifier[] {
    this.reload();
    return this.keys.filter((k) => k.name === origin);
  }

  private reload(): void {
    let mtime = 0;
    let lines: string[] = [];
    if (this.file) {
      try {
        mtime = statSync(this.file).mtimeMs;
        if (mtime !== this.readAt) lines = readFileSync(this.file, 'utf8').split('\n');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (mtime === this.readAt && this.readAt !== -1) return;
    const vkeys = [...lines.map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean), ...this.added];
    this.problems = [];
    this.keys = vkeys.flatMap((v) => {
      try {
        const k = parseVkey(v);
        if (k.type === SIGNATURE_ED25519) return [ed25519Verifier(k.name, k.publicKey)];
        this.problems.push(`${v.slice(0, 80)}: журнал подписывает контрольные суммы ключом Ed25519 (тип 0x01)`);
      } catch (error) {
        this.problems.push(`${v.slice(0, 80)}: ${(error as Error).message}`);
      }
      return [];
    });
    this.readAt = mtime;
  }
}
