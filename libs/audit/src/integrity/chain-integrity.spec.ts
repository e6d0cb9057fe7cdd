import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { entry, writeSyntheticLog } from '#testing/projections';
import { ChainSealer } from './chain-sealer';
import { verifyChains } from './chain-verifier';

const now = () => new Date('2026-11-24T09:00:00Z');

/** Polls until `done` (the live sealer works in the background); the test's own timeout bounds it. */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((r) => setTimeout(r, 20));
}

describe('hash chain: sealing and verification on the embedded store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chain-spec-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ file });
    await writeSyntheticLog(store, { mentorships: 12, orgId: 'a' });
    await writeSyntheticLog(store, { mentorships: 7, orgId: 'b', concurrency: 3 });
    const orphan = entry('person-x', 'PersonRegistered', { personId: 'x' }, 'a', undefined);
    delete (orphan.event.metadata as { orgId?: string }).orgId;
    await store.append(orphan.streamId, [orphan.event], 'any');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const countOf = async (org?: string) => (await store.readAll()).filter((e) => !e.streamId.startsWith('auditchain-') && (org === undefined || e.metadata.orgId === org)).length;
  const sql = () => new Database(file);

  it('seals each organisation into its own chain (events without one into _system) and verification passes', async () => {
    await new ChainSealer(store, { now }).sealToEnd();
    const all = await verifyChains(store, { now });
    expect(all.intact).toBe(true);
    expect(all.chains.map((c) => [c.orgId, c.checked, c.unsealed])).toEqual([['_system', 1, 0], ['a', await countOf('a'), 0], ['b', await countOf('b'), 0]]);
    const a = await verifyChains(store, { now, orgId: 'a' });
    expect(a.chains).toHaveLength(1);
    expect(a.summary).toMatch(/^Организация a: журнал цел, проверено событий: \d+; контрольная сумма после последнего из них: [0-9a-f]{64}\.$/);
    expect(a.chains[0].head).toBe(all.chains[1].head);
  });

  it('counts what is not sealed yet, and a restarted sealer continues the chain where it ended', async () => {
    await new ChainSealer(store, { now }).sealToEnd();
    const sealed = await countOf('a');
    await writeSyntheticLog(store, { mentorships: 2, orgId: 'a' });
    const before = await verifyChains(store, { now, orgId: 'a' });
    expect(before).toMatchObject({ intact: true, checked: sealed, unsealed: (await countOf('a')) - sealed });
    await new ChainSealer(store, { now }).sealToEnd();
    expect(await verifyChains(store, { now, orgId: 'a' })).toMatchObject({ intact: true, unsealed: 0, checked: await countOf('a') });
  });

  it('records the head periodically, and every recorded head agrees with the recomputed chain', async () => {
    await new ChainSealer(store, { now, headEveryEvents: 40, batchSize: 50 }).sealToEnd();
    const heads = (await store.readStream('auditchain-a')).filter((e) => e.type === 'ChainHeadRecorded');
    expect(heads.length).toBeGreaterThan(3);
    const r = await verifyChains(store, { now, orgId: 'a' });
    expect(r.chains[0].headsRecorded).toBe(heads.length);
    // A recorded head that no longer matches (the chain recomputed after it was recorded) is a break.
    const db = sql();
    const row = db.prepare("SELECT position, data FROM events WHERE stream_id = 'auditchain-a' AND type = 'ChainHeadRecorded' ORDER BY position LIMIT 1").get() as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...JSON.parse(row.data), head: 'f'.repeat(64) }), row.position);
    db.close();
    expect((await verifyChains(store, { now, orgId: 'a' })).firstBreak).toMatchObject({ kind: 'head-mismatch', position: `${row.position}/${row.position}` });
  });

  it('two sealers at once (two processes on one file) neither fork a chain nor seal an event twice', async () => {
    const other = new SqliteEventStore({ file });
    try {
      const one = new ChainSealer(store, { now, batchSize: 25 });
      const two = new ChainSealer(other, { now, batchSize: 40 });
      await Promise.all([one.sealToEnd(), two.sealToEnd()]);
      const r = await verifyChains(store, { now });
      expect(r.intact).toBe(true);
      expect(r.checked).toBe(await countOf());
      expect(r.unsealed).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('text rewritten into equivalent JSON is not a change; a changed value is, in both ways of reading', async () => {
    await new ChainSealer(store, { now }).sealToEnd();
    const db = sql();
    const row = db.prepare("SELECT position, data FROM events WHERE type = 'OrderIssued' ORDER BY position LIMIT 1").get() as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(JSON.parse(row.data), null, 2), row.position);
    expect((await verifyChains(store, { now })).intact).toBe(true);
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...JSON.parse(row.data), number: '999-к' }), row.position);
    db.close();
    for (const portOnly of [false, true]) {
      expect((await verifyChains(store, { now, portOnly })).firstBreak).toMatchObject({ kind: 'changed', position: `${row.position}/${row.position}`, orgId: 'a' });
    }
  });

  it('a running sealer whose chain is deleted under it stops sealing that organisation and says so, rather than start a new chain', async () => {
    const lines: string[] = [];
    const sealer = new ChainSealer(store, { now, log: (l) => lines.push(l) });
    sealer.start();
    try {
      await until(async () => (await verifyChains(store, { now, orgId: 'a' })).checked === (await countOf('a')));
      const db = sql();
      db.prepare("DELETE FROM events WHERE stream_id = 'auditchain-a'").run();
      db.close();
      await writeSyntheticLog(store, { mentorships: 1, orgId: 'a' });
      await writeSyntheticLog(store, { mentorships: 1, orgId: 'b' });
      await until(async () => lines.length > 0 && (await verifyChains(store, { now, orgId: 'b' })).unsealed === 0);
      expect(lines).toEqual([expect.stringContaining('Цепочка целостности организации a стала короче, чем была')]);
      expect(await store.readStream('auditchain-a')).toEqual([]);
      expect((await verifyChains(store, { now, orgId: 'b' })).intact).toBe(true);
    } finally {
      await sealer.stop();
    }
  });

  it('live, with sealEveryMs the events that arrive one by one are sealed together: fewer chain appends, the same intact chain', async () => {
    const sealer = new ChainSealer(store, { now, sealEveryMs: 300 });
    sealer.start();
    try {
      await until(async () => (await verifyChains(store, { now, orgId: 'a' })).unsealed === 0 && (await verifyChains(store, { now, orgId: 'a' })).checked > 0);
      const before = (await store.readStream('auditchain-a')).length;
      // Ten single appends in quick succession, each its own commit (as ten curators' steps would be).
      for (let i = 0; i < 10; i++) await writeSyntheticLog(store, { mentorships: 1, orgId: 'a' });
      await until(async () => (await verifyChains(store, { now, orgId: 'a' })).unsealed === 0);
      const appends = (await store.readStream('auditchain-a')).length - before;
      expect(appends).toBeGreaterThan(0);
      expect(appends).toBeLessThan(10);
      expect((await verifyChains(store, { now, orgId: 'a' })).intact).toBe(true);
    } finally {
      await sealer.stop(true);
    }
  });

  it('a chain recomputed after tampering passes on its own, but not against the head printed on an earlier statement', async () => {
    await new ChainSealer(store, { now }).sealToEnd();
    const earlier = (await verifyChains(store, { now, orgId: 'a' })).chains[0];
    const db = sql();
    const row = db.prepare("SELECT position, data FROM events WHERE type = 'OrderIssued' ORDER BY position LIMIT 1 OFFSET 3").get() as { position: number; data: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ ...JSON.parse(row.data), number: '1-к' }), row.position);
    db.prepare("DELETE FROM events WHERE stream_id LIKE 'auditchain-%'").run();
    db.close();
    await new ChainSealer(store, { now }).sealToEnd();
    expect((await verifyChains(store, { now, orgId: 'a' })).intact).toBe(true);
    const anchored = await verifyChains(store, { now, orgId: 'a', anchors: [{ count: earlier.checked, head: earlier.head }] });
    expect(anchored.intact).toBe(false);
    expect(anchored.firstBreak).toMatchObject({ kind: 'head-mismatch', ordinal: earlier.checked, expected: { head: earlier.head } });
    expect(anchored.summary).toContain('журнал или цепочка пересчитаны');
  });
});
