import { hash } from 'node:crypto';

/**
 * RFC 6962 §2.1 Merkle tree hashing (also RFC 9162 §2.1): leaf = SHA-256(0x00 || entry),
 * node = SHA-256(0x01 || left || right), the empty tree = SHA-256 of nothing. Hashes are 32-byte
 * Buffers at this module's surface; the hot loops keep them as latin1 strings of 32 characters
 * (`hash(…, 'binary')`, i.e. latin1, allocates no Buffer: measured 2–3× faster than Buffer output per node).
 */
export const HASH_SIZE = 32;
export const EMPTY_ROOT: Buffer = hash('sha256', Buffer.alloc(0), 'buffer');

const leafInput = Buffer.alloc(1 + HASH_SIZE);
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

export function leafHash(entry: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([Buffer.of(0x00), entry]), 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([Buffer.of(0x01), left, right]), 'buffer');
}

/** The leaf hash of a 32-byte entry given in hex (a chain hash), as a latin1 string. */
export function leafOfHex(entryHex: string): string {
  leafInput.write(entryHex, 1, HASH_SIZE, 'hex');
  return hash('sha256', leafInput, 'binary');
}

/** node(left, right) over latin1 strings. */
export function nodeOf(left: string, right: string): string {
  nodeInput.write(left, 1, HASH_SIZE, 'latin1');
  nodeInput.write(right, 1 + HASH_SIZE, HASH_SIZE, 'latin1');
  return hash('sha256', nodeInput, 'binary');
}

export const toLatin1 = (h: Uint8Array): string => Buffer.from(h).toString('latin1');
export const fromLatin1 = (h: string): Buffer => Buffer.from(h, 'latin1');

/** The largest power of two strictly below `n` (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A tree's root from all its leaf hashes, by the definition (tests, small trees). */
export function rootOfLeaves(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return Buffer.from(leaves[0]);
  const k = splitPoint(leaves.length);
  return nodeHash(rootOfLeaves(leaves.slice(0, k)), rootOfLeaves(leaves.slice(k)));
}

/**
 * The right edge of a tree: the roots of its perfect subtrees, largest first (one per set bit of
 * the size). Enough to append a leaf and to compute the root, in O(log n) hashes and memory.
 */
export class CompactRange {
  private constructor(private count: number, private readonly hashes: string[]) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** From a stored frontier (hex); throws when the number of hashes does not fit the size. */
  static of(size: number, hexes: readonly string[]): CompactRange {
    if (!Number.isSafeInteger(size) || size < 0 || popcount(size) !== hexes.length) throw new Error(`frontier of ${hexes.length} hashes does not fit a tree of ${size}`);
    return new CompactRange(size, hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')));
  }

  get size(): number {
    return this.count;
  }

  clone(): CompactRange {
    return new CompactRange(this.count, this.hashes.slice());
  }

  /** Appends a leaf given by its leaf hash (latin1). */
  push(leaf: string): void {
    let h = leaf;
    for (let s = this.count; s & 1; s = Math.floor(s / 2)) h = nodeOf(this.hashes.pop()!, h);
    this.hashes.push(h);
    this.count++;
  }

  /** Appends a leaf whose entry is a 32-byte hash given in hex. */
  pushEntryHex(entryHex: string): void {
    this.push(leafOfHex(entryHex));
  }

  rootLatin1(): string {
    const n = this.hashes.length;
    if (n === 0) return EMPTY_ROOT.toString('latin1');
    let r = this.hashes[n - 1];
    for (let i = n - 2; i >= 0; i--) r = nodeOf(this.hashes[i], r);
    return r;
  }

  root(): Buffer {
    return fromLatin1(this.rootLatin1());
  }

  /** The frontier as stored in a chain record: hex, largest subtree first. */
  frontier(): string[] {
    return this.hashes.map((h) => Buffer.from(h, 'latin1').toString('hex'));
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let s = n; s > 0; s = Math.floor(s / 2)) c += s & 1;
  return c;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === HASH_SIZE && b.length === HASH_SIZE && Buffer.compare(a, b) === 0;

/**
 * RFC 9162 §2.1.3.2: whether `path` proves the leaf `leaf` (its leaf hash) at `index` in the tree of
 * `size` leaves with root `root`.
 */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, path: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!(index >= 0 && index < size) || leaf.length !== HASH_SIZE || path.some((p) => p.length !== HASH_SIZE)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows the tree of `size1` leaves with root `root1` is a prefix
 * of the tree of `size2` leaves with root `root2`.
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): boolean {
  if (!(size1 >= 0 && size1 <= size2) || proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (size1 === size2) return proof.length === 0 && equal(root1, root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, root1) && equal(sr, root2);
}

/** Sizes can pass 2³¹, where JavaScript's bitwise operators stop: arithmetic instead. */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let s = n;
  while (s % 2 === 0) s /= 2;
  return s === 1;
}
