import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { writeSyntheticLog } from '#testing/projections';
import { MerkleTree, leafHash, leafOfHex, parseSignedCheckpoint, verifyInclusion, verifyNote } from '#libs/transparency';
import { canonicalText, chainHash } from './chain-hash';
import { ChainSealer } from './chain-sealer';
import { ChainTreeIndex } from './chain-tree-index';
import { verifyChains } from './chain-verifier';
import { CheckpointSigner } from './checkpoint-signer';
import { SigningKeys } from './signing-keys';

const now = () => new Date('2026-11-24T09:00:00Z');

/** The tree over a chain's entries, from its links as the stream holds them. */
async function treeOfLinks(store: SqliteEventStore, org: string): Promise<MerkleTree> {
  const tree = new MerkleTree();
  for (const e of await store.readStream(`auditchain-${org}`)) {
    if (e.type === 'EventsChained') for (const h of (e.data as { links: { hash: string[] } }).links.hash) tree.push(leafOfHex(h));
  }
  return tree;
}

describe('Merkle tree over each chain: kept by the sealer, signed into recorded heads, checked by verification', () => {
  let dir: string;
  let store: SqliteEventStore;
  let signer: CheckpointSigner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chain-tree-spec-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    signer = new CheckpointSigner(new SigningKeys(join(dir, 'signing-keys'), now), 'ds6.example/journal');
    await writeSyntheticLog(store, { mentorships: 15, orgId: 'a' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sql = () => new Database(join(dir, 'events.sqlite'));
  const heads = async () => (await store.readStream('auditchain-a')).filter((e) => e.type === 'ChainHeadRecorded').map((e) => e.data as { count: number; root: string; frontier: string[]; checkpoint: string });

  it('records the root and frontier of the tree over the chain hashes, and a checkpoint signed with the organisation’s key; a restarted sealer continues the same tree', async () => {
    await new ChainSealer(store, { now, signer, headEveryEvents: 40, batchSize: 50 }).sealToEnd();
    await writeSyntheticLog(store, { mentorships: 4, orgId: 'a' });
    await new ChainSealer(store, { now, signer, headEveryEvents: 40, batchSize: 30 }).sealToEnd();
    const tree = await treeOfLinks(store, 'a');
    const recorded = await heads();
    expect(recorded.length).toBeGreaterThan(3);
    for (const h of recorded) {
      expect(h.root).toBe(tree.rootAt(h.count).toString('hex'));
      const { checkpoint } = parseSignedCheckpoint(h.checkpoint);
      expect(checkpoint).toMatchObject({ origin: 'ds6.example/journal/a', size: h.count, time: '2026-11-24T09:00:00.000Z' });
      expect(checkpoint.root.toString('hex')).toBe(h.root);
      expect(verifyNote(h.checkpoint, signer.verifiers('a')).verified).toHaveLength(1);
    }
    expect(recorded.at(-1)!.count).toBe(tree.size);
    expect((await verifyChains(store, { now, orgId: 'a' })).chains[0]).toMatchObject({ intact: true, headsRecorded: recorded.length });
  });

  it('the index of a chain stream proves one event’s inclusion (entry = its chain hash) and starts over when the stream got shorter', async () => {
    await new ChainSealer(store, { now, signer, headEveryEvents: 25, batchSize: 40 }).sealToEnd();
    const index = new ChainTreeIndex(store, 'a');
    await index.refresh();
    const events = (await store.readAll()).filter((e) => e.metadata.orgId === 'a' && !e.streamId.startsWith('auditchain-'));
    expect(index.size).toBe(events.length);
    const i = 17;
    const [at] = index.indexesAt(events[i].position);
    expect(at).toBe(i);
    const entry = Buffer.from(index.entryHex(i), 'hex');
    expect(index.entryHex(i)).toBe(chainHash(index.entryHex(i - 1), canonicalText(events[i])));
    expect(verifyInclusion(i, index.size, leafHash(entry), index.tree.inclusionProof(i, index.size), index.tree.rootAt())).toBe(true);
    const db = sql();
    db.prepare("DELETE FROM events WHERE stream_id = 'auditchain-a' AND position > (SELECT min(position) FROM events WHERE stream_id = 'auditchain-a' AND type = 'ChainHeadRecorded')").run();
    db.close();
    await index.refresh();
    expect(index.size).toBe((await treeOfLinks(store, 'a')).size);
    expect(index.size).toBeLessThan(events.length);
  });

  it('verification: a recorded root that the recomputed tree does not give is a damaged chain record; so is a zeroed last link whose record head still agrees', async () => {
    await new ChainSealer(store, { now, signer, headEveryEvents: 40, batchSize: 50 }).sealToEnd();
    const db = sql();
    const head = db.prepare("SELECT position, data FROM events WHERE stream_id = 'auditchain-a' AND type = 'ChainHeadRecorded' ORDER BY position LIMIT 1").get() as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...JSON.parse(head.data), root: 'e'.repeat(64) }), head.position);
    expect((await verifyChains(store, { now, orgId: 'a' })).firstBreak).toMatchObject({ kind: 'chain-damaged', position: `${head.position}/${head.position}` });
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(head.data, head.position);
    const record = db.prepare("SELECT position, data FROM events WHERE stream_id = 'auditchain-a' AND type = 'EventsChained' ORDER BY position LIMIT 1").get() as { position: number; data: string };
    const data = JSON.parse(record.data) as { links: { hash: string[] } };
    data.links.hash[data.links.hash.length - 1] = '0'.repeat(64);
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), record.position);
    db.close();
    for (const portOnly of [false, true]) {
      expect((await verifyChains(store, { now, orgId: 'a', portOnly })).firstBreak).toMatchObject({ kind: 'chain-damaged', position: `${record.position}/${record.position}` });
    }
  });
});
