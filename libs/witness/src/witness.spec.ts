import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MerkleTree, NoteSigner, addCheckpointBody, checkpointText, cosignatureVerifier, ed25519Verifier, leafHash, newEd25519Key, parseVkey, signNote, toLatin1, verifyNote,
} from '#libs/transparency';
import { openWitness } from './witness.factory';
import { originHash } from './witness-files';
import { startWitnessServer } from './witness.server';

const ORIGIN = 'mentorship.local/journal/a';
const now = () => new Date('2026-11-24T06:00:00Z');

/** A log of `n` entries and its signed checkpoints. */
function logOf(signer: NoteSigner, entries: string[]) {
  const tree = new MerkleTree();
  for (const e of entries) tree.push(toLatin1(leafHash(Buffer.from(e))));
  const checkpoint = (size: number) => signNote(checkpointText({ origin: ORIGIN, size, root: tree.rootAt(size), time: '2026-11-24T06:00:00.000Z' }), [signer]);
  return { tree, checkpoint };
}

describe('witness (c2sp.org/tlog-witness add-checkpoint)', () => {
  let dir: string;
  let signer: NoteSigner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'witness-spec-'));
    signer = new NoteSigner(ORIGIN, newEd25519Key().privateKey);
    writeFileSync(join(dir, 'logs.txt'), `# журналы, которые заверяет свидетель\n${signer.vkey}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => openWitness({ dir, name: 'witness.example/municipality', now }).witness;
  const entries = Array.from({ length: 40 }, (_, i) => `событие ${i}`);

  it('cosigns a first checkpoint, then each consistent one; its cosignature verifies with its key and carries the time', async () => {
    const witness = open();
    const log = logOf(signer, entries);
    const first = await witness.addCheckpoint(addCheckpointBody(0, [], log.checkpoint(10)));
    expect(first.status).toBe(200);
    const key = parseVkey(witness.vkey);
    const cosigned = `${log.checkpoint(10)}${first.body}`;
    const { verified } = verifyNote(cosigned, [cosignatureVerifier(key.name, key.publicKey), ed25519Verifier(signer.name, signer.publicKey)]);
    expect(verified).toHaveLength(2);
    expect(cosignatureVerifier(key.name, key.publicKey).timestampOf(verified.find((v) => v.verifier.name === key.name)!.signature.signature)).toBe(now().getTime() / 1000);
    const next = await witness.addCheckpoint(addCheckpointBody(10, log.tree.consistencyProof(10, 25), log.checkpoint(25)));
    expect(next.status).toBe(200);
    expect(witness.records(originHash(ORIGIN)).map((r) => [r.kind, r.size])).toEqual([['cosigned', 10], ['cosigned', 25]]);
    expect(witness.latest(originHash(ORIGIN))).toContain(`${ORIGIN}\n25\n`);
  });

  it('answers 409 with the size it holds to a wrong old size, and keeps what it cosigned across a restart', async () => {
    const log = logOf(signer, entries);
    await open().addCheckpoint(addCheckpointBody(0, [], log.checkpoint(10)));
    const again = open();
    const conflict = await again.addCheckpoint(addCheckpointBody(0, [], log.checkpoint(20)));
    expect(conflict).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '10\n' });
    expect((await again.addCheckpoint(addCheckpointBody(10, log.tree.consistencyProof(10, 20), log.checkpoint(20)))).status).toBe(200);
  });

  it('refuses, and keeps as refused, a shorter log, the same size with another root, and a log rewritten before the size it holds', async () => {
    const witness = open();
    const log = logOf(signer, entries);
    await witness.addCheckpoint(addCheckpointBody(0, [], log.checkpoint(30)));
    const shorter = await witness.addCheckpoint(addCheckpointBody(30, [], log.checkpoint(20)));
    expect(shorter.status).toBe(400);
    expect(shorter.body).toContain('журнал стал короче заверенного');
    const rewritten = logOf(signer, entries.map((e, i) => (i === 5 ? 'изменённое событие' : e)));
    const sameSize = await witness.addCheckpoint(addCheckpointBody(30, [], rewritten.checkpoint(30)));
    expect(sameSize.status).toBe(422);
    expect(sameSize.body).toContain('журнал изменён');
    const longer = await witness.addCheckpoint(addCheckpointBody(30, rewritten.tree.consistencyProof(30, 40), rewritten.checkpoint(40)));
    expect(longer.status).toBe(422);
    expect(longer.body).toContain('первые 30 записей журнала уже не те');
    // Not knowing the size the witness holds, a shorter log first learns it (409), and is refused when it sends it.
    expect(await witness.addCheckpoint(addCheckpointBody(0, [], log.checkpoint(10)))).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '30\n' });
    expect(witness.records(originHash(ORIGIN)).map((r) => [r.kind, r.size])).toEqual([['cosigned', 30], ['refused', 20], ['refused', 30], ['refused', 40]]);
    expect(witness.latest(originHash(ORIGIN))).toContain(`${ORIGIN}\n30\n`);
  });

  it('refuses an unknown log (404) and a checkpoint its trusted key did not sign (403); the list of logs is read again when it changes', async () => {
    const witness = open();
    const stranger = new NoteSigner(ORIGIN, newEd25519Key().privateKey);
    const log = logOf(stranger, entries);
    expect((await witness.addCheckpoint(addCheckpointBody(0, [], log.checkpoint(5)))).status).toBe(403);
    const other = new NoteSigner('other.example/log', newEd25519Key().privateKey);
    const body = addCheckpointBody(0, [], signNote(checkpointText({ origin: other.name, size: 1, root: leafHash(Buffer.from('x')) }), [other]));
    expect((await witness.addCheckpoint(body)).status).toBe(404);
    writeFileSync(join(dir, 'logs.txt'), `${signer.vkey}\n${other.vkey}\n`);
    // A file rewritten within one tick of the file system's clock keeps its mtime: move it on so the change is seen.
    utimesSync(join(dir, 'logs.txt'), new Date(), new Date(Date.now() + 5000));
    expect((await witness.addCheckpoint(body)).status).toBe(200);
  });

  it('serves the protocol over HTTP: add-checkpoint, the latest checkpoint, the records and its key', async () => {
    const witness = open();
    const server = await startWitnessServer(witness, { host: '127.0.0.1', port: 0 });
    try {
      const log = logOf(signer, entries);
      const r = await fetch(`${server.url}/add-checkpoint`, { method: 'POST', body: addCheckpointBody(0, [], log.checkpoint(12)) });
      expect(r.status).toBe(200);
      expect(await r.text()).toMatch(/^\u2014 witness\.example\/municipality [A-Za-z0-9+/=]+\n$/);
      const latest = await fetch(`${server.url}/${originHash(ORIGIN)}/checkpoint`);
      expect(await latest.text()).toContain(`${ORIGIN}\n12\n`);
      const records = (await (await fetch(`${server.url}/${originHash(ORIGIN)}/records`)).json()) as { witness: string; records: { kind: string; size: number }[] };
      expect(records.records.map((x) => x.size)).toEqual([12]);
      expect(records.witness).toBe(witness.vkey);
      expect((await (await fetch(`${server.url}/witness-key`)).text()).trim()).toBe(witness.vkey);
      expect((await fetch(`${server.url}/${'0'.repeat(64)}/checkpoint`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
