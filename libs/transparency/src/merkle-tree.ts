import { EMPTY_ROOT, HASH_SIZE, fromLatin1, isPowerOfTwo, nodeOf, splitPoint } from './merkle';

/** One level of the tree: its complete nodes, 32 bytes each, in a buffer that doubles as it fills. */
class Level {
  buf = Buffer.alloc(HASH_SIZE * 1024);
  count = 0;

  push(h: string): void {
    if ((this.count + 1) * HASH_SIZE > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    this.buf.write(h, this.count * HASH_SIZE, HASH_SIZE, 'latin1');
    this.count++;
  }

  at(i: number): string {
    return this.buf.toString('latin1', i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }
}

/**
 * A whole tree in memory: every leaf hash and every complete node (2n hashes, 64 bytes a leaf), so
 * an inclusion or consistency proof is O(log n) lookups plus the hashes of the ragged right edge,
 * for any size up to the current one. Appending costs one node hash per leaf on average.
 */
export class MerkleTree {
  private readonly levels: Level[] = [new Level()];

  get size(): number {
    return this.levels[0].count;
  }

  /** Bytes its node buffers take. */
  get bytes(): number {
    return this.levels.reduce((n, l) => n + l.buf.length, 0);
  }

  /** Appends a leaf by its leaf hash (latin1, as `leafOfHex` gives it). */
  push(leaf: string): void {
    this.levels[0].push(leaf);
    let index = this.levels[0].count - 1;
    for (let level = 0; index % 2 === 1; level++) {
      const below = this.levels[level];
      const parent = nodeOf(below.at(index - 1), below.at(index));
      (this.levels[level + 1] ??= new Level()).push(parent);
      index = Math.floor(index / 2);
    }
  }

  /** The hash of leaves [start, end) (end ≤ size), latin1. */
  private subtree(start: number, end: number): string {
    const n = end - start;
    if (isPowerOfTwo(n)) {
      let level = 0;
      while (2 ** level < n) level++;
      return this.levels[level].at(start / n);
    }
    const k = splitPoint(n);
    return nodeOf(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  private check(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }

  rootAt(size: number = this.size): Buffer {
    this.check(size);
    return size === 0 ? EMPTY_ROOT : fromLatin1(this.subtree(0, size));
  }

  leafAt(index: number): Buffer {
    this.check(index + 1);
    return fromLatin1(this.levels[0].at(index));
  }

  /** RFC 6962 §2.1.1 PATH(index, D[0:size]): the leaf's sibling first, the root's child last. */
  inclusionProof(index: number, size: number = this.size): Buffer[] {
    this.check(size);
    if (!(index >= 0 && index < size)) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
    const path: string[] = [];
    const walk = (m: number, start: number, end: number): void => {
      if (end - start <= 1) return;
      const k = splitPoint(end - start);
      if (m < k) {
        walk(m, start, start + k);
        path.push(this.subtree(start + k, end));
      } else {
        walk(m - k, start + k, end);
        path.push(this.subtree(start, start + k));
      }
    };
    walk(index, 0, size);
    return path.map(fromLatin1);
  }

  /** RFC 6962 §2.1.2 PROOF(size1, D[0:size2]); empty when size1 is 0 or equals size2. */
  consistencyProof(size1: number, size2: number = this.size): Buffer[] {
    this.check(size2);
    if (!(size1 >= 0 && size1 <= size2)) throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
    if (size1 === 0 || size1 === size2) return [];
    const proof: string[] = [];
    const sub = (m: number, start: number, end: number, whole: boolean): void => {
      const n = end - start;
      if (m === n) {
        if (!whole) proof.push(this.subtree(start, end));
        return;
      }
      const k = splitPoint(n);
      if (m <= k) {
        sub(m, start, start + k, whole);
        proof.push(this.subtree(start + k, end));
      } else {
        sub(m - k, start + k, end, false);
        proof.push(this.subtree(start, start + k));
      }
    };
    sub(size1, 0, size2, true);
    return proof.map(fromLatin1);
  }
}
