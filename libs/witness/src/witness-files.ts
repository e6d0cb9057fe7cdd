import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hash } from 'node:crypto';
import { Cosigner, newEd25519Key } from '#libs/transparency';

/** The witness's own key: `witness-key.json` in its directory, made on first start, readable by its owner only. */
export function witnessKey(dir: string, name: string, now: () => Date): Cosigner {
  const file = join(dir, 'witness-key.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const { privateKey } = newEd25519Key();
    // `wx`: two witnesses started at once on one directory do not make two keys; the second reads the first's.
    writeFileSync(file, JSON.stringify({ name, privateKey: privateKey.toString('base64'), createdAt: now().toISOString() }, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { name: string; privateKey: string };
  if (stored.name !== name) throw new Error(`${file}: the key was made for the witness «${stored.name}», not «${name}» (WITNESS_NAME)`);
  return new Cosigner(stored.name, Buffer.from(stored.privateKey, 'base64'));
}

/** The name of an origin's files and URLs: SHA-256 of the origin, lowercase hex (c2sp.org/tlog-witness). */
export const originHash = (origin: string): string => hash('sha256', origin, 'hex');

/** What the witness keeps of a log: every checkpoint it cosigned, and every one it refused. */
export type WitnessRecord =
  | { kind: 'cosigned'; size: number; root: string; note: string; at: string }
  | { kind: 'refused'; size: number; root: string; oldSize: number; status: number; reason: string; note: string; at: string };

/**
 * One append-only file per log, `logs/<origin hash>.jsonl`, a record a line, each written and
 * fsynced before the witness answers (the protocol asks it to persist a checkpoint before it
 * returns the cosignature). Read once per log, then kept in memory.
 */
export class WitnessRecords {
  private readonly loaded = new Map<string, WitnessRecord[]>();

  constructor(private readonly dir: string) {
    mkdirSync(join(dir, 'logs'), { recursive: true, mode: 0o700 });
  }

  private fileOf(log: string): string {
    if (!/^[0-9a-f]{64}$/.test(log)) throw new Error('a log is named by the SHA-256 of its origin');
    return join(this.dir, 'logs', `${log}.jsonl`);
  }

  /** `log`: the origin's hash (`originHash`). */
  all(log: string): readonly WitnessRecord[] {
    let records = this.loaded.get(log);
    if (!records) {
      let text = '';
      try {
        text = readFileSync(this.fileOf(log), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      // A line cut short by a crash mid-write was never answered: it is not a record.
      records = text.split('\n').filter((l) => l.endsWith('}')).map((l) => JSON.parse(l) as WitnessRecord);
      this.loaded.set(log, records);
    }
    return records;
  }

  latest(log: string): Extract<WitnessRecord, { kind: 'cosigned' }> | undefined {
    return this.all(log).filter((r) => r.kind === 'cosigned').at(-1) as Extract<WitnessRecord, { kind: 'cosigned' }> | undefined;
  }

  add(log: string, record: WitnessRecord): void {
    const records = this.all(log) as WitnessRecord[];
    const file = this.fileOf(log);
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a', 0o600);
    try {
      writeSync(fd, JSON.stringify(record) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    records.push(record);
  }
}
