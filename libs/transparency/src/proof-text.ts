import { HASH_SIZE } from './merkle';
import { NoteError } from './note';

/** The first line of an inclusion proof: c2sp.org/tlog-proof. */
export const INCLUSION_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** The first line of a consistency proof between two checkpoints (this project's, in the same style). */
export const CONSISTENCY_PROOF_HEADER = 'mentorship-engine/tlog-consistency@v1';
/** c2sp.org/tlog-witness allows at most this many proof lines. */
export const MAX_PROOF_LINES = 63;

const hashLine = (h: Uint8Array) => `${Buffer.from(h).toString('base64')}\n`;

function hashOf(line: string): Buffer {
  const h = Buffer.from(line, 'base64');
  if (h.length !== HASH_SIZE || h.toString('base64') !== line) throw new NoteError(`not a base64 hash: ${line.slice(0, 60)}`);
  return h;
}

const decimal = (s: string | undefined, what: string): number => {
  if (s === undefined || !/^(0|[1-9]\d*)$/.test(s) || !Number.isSafeInteger(Number(s))) throw new NoteError(`${what}: «${s ?? ''}»`);
  return Number(s);
};

/** Header lines up to the first blank line, and the rest. */
function splitHead(text: string): { head: string[]; rest: string } {
  const at = text.indexOf('\n\n');
  if (at < 0) throw new NoteError('a blank line separates the proof from its checkpoint');
  return { head: text.slice(0, at).split('\n'), rest: text.slice(at + 2) };
}

/**
 * c2sp.org/tlog-proof@v1: header, `extra <base64>` (here what rebuilds the entry: see
 * docs/transparency-formats.md), `index <n>`, the inclusion path one hash a line, a blank line,
 * the checkpoint note.
 */
export function inclusionProofText(p: { extra?: Uint8Array; index: number; path: readonly Uint8Array[]; note: string }): string {
  return `${INCLUSION_PROOF_HEADER}\n${p.extra ? `extra ${Buffer.from(p.extra).toString('base64')}\n` : ''}index ${p.index}\n${p.path.map(hashLine).join('')}\n${p.note}`;
}

export function parseInclusionProof(text: string): { extra?: Buffer; index: number; path: Buffer[]; note: string } {
  const { head, rest } = splitHead(text);
  if (head.shift() !== INCLUSION_PROOF_HEADER) throw new NoteError(`the first line is ${INCLUSION_PROOF_HEADER}`);
  const extra = head[0]?.startsWith('extra ') ? Buffer.from(head.shift()!.slice(6), 'base64') : undefined;
  const index = decimal(head.shift()?.match(/^index (.*)$/)?.[1], 'index');
  return { extra, index, path: head.map(hashOf), note: rest };
}

/** `mentorship-engine/tlog-consistency@v1`: `old <size>`, the proof one hash a line, a blank line, the older checkpoint note, a blank line, the newer one. */
export function consistencyProofText(p: { oldSize: number; proof: readonly Uint8Array[]; oldNote: string; newNote: string }): string {
  return `${CONSISTENCY_PROOF_HEADER}\nold ${p.oldSize}\n${p.proof.map(hashLine).join('')}\n${p.oldNote}\n${p.newNote}`;
}

export function parseConsistencyProof(text: string): { oldSize: number; proof: Buffer[]; oldNote: string; newNote: string } {
  const { head, rest } = splitHead(text);
  if (head.shift() !== CONSISTENCY_PROOF_HEADER) throw new NoteError(`the first line is ${CONSISTENCY_PROOF_HEADER}`);
  const oldSize = decimal(head.shift()?.match(/^old (.*)$/)?.[1], 'old size');
  // Checkpoint texts and signature blocks hold no blank line: the rest is text, signatures, text, signatures.
  const blocks = rest.split('\n\n');
  if (blocks.length !== 4) throw new NoteError('two checkpoint notes follow the proof');
  return { oldSize, proof: head.map(hashOf), oldNote: `${blocks[0]}\n\n${blocks[1]}\n`, newNote: `${blocks[2]}\n\n${blocks[3]}` };
}

/** c2sp.org/tlog-witness add-checkpoint request body. */
export function addCheckpointBody(oldSize: number, proof: readonly Uint8Array[], note: string): string {
  if (proof.length > MAX_PROOF_LINES) throw new NoteError(`at most ${MAX_PROOF_LINES} proof lines`);
  return `old ${oldSize}\n${proof.map(hashLine).join('')}\n${note}`;
}

export function parseAddCheckpoint(body: string): { oldSize: number; proof: Buffer[]; note: string } {
  const { head, rest } = splitHead(body);
  const oldSize = decimal(head.shift()?.match(/^old (.*)$/)?.[1], 'old size');
  if (head.length > MAX_PROOF_LINES) throw new NoteError(`at most ${MAX_PROOF_LINES} proof lines`);
  return { oldSize, proof: head.map(hashOf), note: rest };
}
