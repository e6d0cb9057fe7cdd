import { HASH_SIZE } from './merkle';
import { NoteError, checkKeyName, parseNote, type ParsedNote } from './note';

/**
 * A checkpoint (c2sp.org/tlog-checkpoint): the note text `<origin>\n<tree size>\n<base64 root>\n`,
 * here with one extension line, `time <ISO 8601 UTC instant>`: when the log signed it.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  /** ISO 8601 UTC, milliseconds included (`2026-11-24T06:00:05.123Z`). */
  time?: string;
  /** Extension lines other than `time`, as they stand. */
  extensions: string[];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function checkpointText(c: { origin: string; size: number; root: Uint8Array; time?: string }): string {
  checkKeyName(c.origin);
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new NoteError(`tree size ${c.size}`);
  if (c.root.length !== HASH_SIZE) throw new NoteError('a root hash has 32 bytes');
  if (c.time !== undefined && !INSTANT.test(c.time)) throw new NoteError(`time ${c.time}: an ISO 8601 UTC instant`);
  return `${c.origin}\n${c.size}\n${Buffer.from(c.root).toString('base64')}\n${c.time !== undefined ? `time ${c.time}\n` : ''}`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3 || lines.some((l) => l === '')) throw new NoteError('a checkpoint is at least three non-empty lines');
  const [origin, size, root, ...rest] = lines;
  if (!/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) throw new NoteError(`tree size «${size}»`);
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== HASH_SIZE || hash.toString('base64') !== root) throw new NoteError('the root hash is 32 bytes in base64');
  const time = rest.find((l) => l.startsWith('time '))?.slice(5);
  if (time !== undefined && !INSTANT.test(time)) throw new NoteError(`time «${time}»`);
  return { origin, size: Number(size), root: hash, time, extensions: rest.filter((l) => !l.startsWith('time ')) };
}

/** A signed checkpoint: the note, its parsed text and its signature lines (not yet verified). */
export function parseSignedCheckpoint(note: string): { checkpoint: Checkpoint; note: ParsedNote } {
  const parsed = parseNote(note);
  return { checkpoint: parseCheckpoint(parsed.text), note: parsed };
}
