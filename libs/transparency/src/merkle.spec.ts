import fc from 'fast-check';
import { CompactRange, EMPTY_ROOT, leafHash, rootOfLeaves, toLatin1, verifyConsistency, verifyInclusion } from './merkle';
import { MerkleTree } from './merkle-tree';

const h = (hex: string) => Buffer.from(hex, 'hex');

/**
 * The Certificate Transparency reference vectors (RFC 6962 hashing), as transparency-dev/merkle's
 * proof tests carry them: eight leaves, the roots of the trees of 1…8 of them, and known proofs.
 */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(h);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
/** [leaf (1-based), tree size, path]. */
const INCLUSION: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [3, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [2, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
/** [size1, size2, proof]. */
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];

function treeOf(leaves: readonly Uint8Array[]): MerkleTree {
  const t = new MerkleTree();
  for (const l of leaves) t.push(toLatin1(leafHash(l)));
  return t;
}

/** RFC 6962 §2.1.1 and §2.1.2 word for word, over the leaves themselves: the reference the tree is checked against. */
function naivePath(m: number, d: Uint8Array[]): Buffer[] {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...naivePath(m, d.slice(0, k)), rootOfLeaves(d.slice(k))] : [...naivePath(m - k, d.slice(k)), rootOfLeaves(d.slice(0, k))];
}
function naiveSubproof(m: number, d: Uint8Array[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [rootOfLeaves(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k ? [...naiveSubproof(m, d.slice(0, k), b), rootOfLeaves(d.slice(k))] : [...naiveSubproof(m - k, d.slice(k), false), rootOfLeaves(d.slice(0, k))];
}

describe('Merkle tree (RFC 6962 hashing)', () => {
  it('gives the reference roots of the trees of 1 to 8 leaves, and the empty tree its hash', () => {
    expect(rootOfLeaves([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const tree = new MerkleTree();
    const range = CompactRange.empty();
    expect(tree.rootAt(0)).toEqual(EMPTY_ROOT);
    expect(range.root()).toEqual(EMPTY_ROOT);
    LEAVES.forEach((leaf, i) => {
      tree.push(toLatin1(leafHash(leaf)));
      range.push(toLatin1(leafHash(leaf)));
      expect(rootOfLeaves(LEAVES.map(leafHash).slice(0, i + 1))).toEqual(ROOTS[i]);
      expect(tree.rootAt()).toEqual(ROOTS[i]);
      expect(range.root()).toEqual(ROOTS[i]);
    });
    for (let size = 1; size <= 8; size++) expect(tree.rootAt(size)).toEqual(ROOTS[size - 1]);
  });

  it.each(INCLUSION)('builds and checks the reference inclusion proof of leaf %i in a tree of %i', (leaf, size, path) => {
    const tree = treeOf(LEAVES);
    expect(tree.inclusionProof(leaf - 1, size).map((p) => p.toString('hex'))).toEqual(path);
    expect(verifyInclusion(leaf - 1, size, leafHash(LEAVES[leaf - 1]), path.map(h), ROOTS[size - 1])).toBe(true);
    expect(verifyInclusion(leaf, size, leafHash(LEAVES[leaf - 1]), path.map(h), ROOTS[size - 1])).toBe(false);
    expect(verifyInclusion(leaf - 1, size, leafHash(Buffer.from('другой')), path.map(h), ROOTS[size - 1])).toBe(false);
    if (path.length > 0) expect(verifyInclusion(leaf - 1, size, leafHash(LEAVES[leaf - 1]), path.slice(1).map(h), ROOTS[size - 1])).toBe(false);
  });

  it.each(CONSISTENCY)('builds and checks the reference consistency proof from %i to %i', (size1, size2, proof) => {
    const tree = treeOf(LEAVES);
    expect(tree.consistencyProof(size1, size2).map((p) => p.toString('hex'))).toEqual(proof);
    expect(verifyConsistency(size1, size2, proof.map(h), ROOTS[size1 - 1], ROOTS[size2 - 1])).toBe(true);
    if (size1 !== size2) {
      expect(verifyConsistency(size1, size2, proof.map(h), ROOTS[size2 - 1], ROOTS[size1 - 1])).toBe(false);
      expect(verifyConsistency(size1, size2, proof.slice(1).map(h), ROOTS[size1 - 1], ROOTS[size2 - 1])).toBe(false);
      expect(verifyConsistency(size1 + 1, size2, proof.map(h), ROOTS[size1], ROOTS[size2 - 1])).toBe(false);
    }
  });

  it('refuses what a verifier must refuse: a shorter "newer" tree, the same size with another root, an empty proof between different sizes', () => {
    expect(verifyConsistency(5, 4, [], ROOTS[4], ROOTS[3])).toBe(false);
    expect(verifyConsistency(4, 4, [], ROOTS[3], ROOTS[4])).toBe(false);
    expect(verifyConsistency(2, 5, [], ROOTS[1], ROOTS[4])).toBe(false);
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, ROOTS[4])).toBe(true);
    expect(verifyInclusion(0, 0, leafHash(LEAVES[0]), [], EMPTY_ROOT)).toBe(false);
  });

  it('agrees with the definition on random trees: roots, compact ranges, inclusion and consistency proofs', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 70 }), fc.nat(), fc.nat(), (entries, a, b) => {
        const leaves = entries.map(leafHash);
        const tree = treeOf(entries);
        const n = entries.length;
        const size2 = 1 + (b % n);
        const size1 = a % (size2 + 1);
        const index = a % size2;
        const range = CompactRange.empty();
        leaves.slice(0, size2).forEach((l) => range.push(toLatin1(l)));
        const root2 = rootOfLeaves(leaves.slice(0, size2));
        expect(tree.rootAt(size2)).toEqual(root2);
        expect(range.root()).toEqual(root2);
        expect(CompactRange.of(range.size, range.frontier()).root()).toEqual(root2);
        const path = tree.inclusionProof(index, size2);
        expect(path).toEqual(naivePath(index, leaves.slice(0, size2)));
        expect(verifyInclusion(index, size2, leaves[index], path, root2)).toBe(true);
        const proof = tree.consistencyProof(size1, size2);
        if (size1 > 0 && size1 < size2) expect(proof).toEqual(naiveSubproof(size1, leaves.slice(0, size2), true));
        expect(verifyConsistency(size1, size2, proof, rootOfLeaves(leaves.slice(0, size1)), root2)).toBe(true);
        if (size1 > 0 && size1 < size2) {
          // Another old root: the true one with its first byte changed (a fixed hash could equal the true root
          // when the leaves repeat, e.g. three empty entries and size1 = 2).
          const other = Uint8Array.from(rootOfLeaves(leaves.slice(0, size1)));
          other[0] ^= 0xff;
          expect(verifyConsistency(size1, size2, proof, other, root2)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
