import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChainSealer, CheckpointSigner, SigningKeys, WITNESSING, type Publication, type Witnessing } from '#libs/audit';
import { createEventStore, positionToString, type EventStore, type RecordedEvent } from '#libs/event-store';
import { openWitness, startWitnessServer, type WitnessServer } from '#libs/witness';
import { EsdbDouble } from '../esdb-double/esdb-double';
import { testClock } from '../support/test-clock';
import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { notPlainRussian } from './support/plain-russian';
import { doubleTampering, sqliteTampering, type StoreTampering } from './support/store-tampering';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '../../tools/verify-proof.mjs');

interface StoreKind {
  name: string;
  start(): Promise<{ store?: EventStore; tampering(app: TestApp): StoreTampering; stop(): Promise<void> }>;
}

const STORES: StoreKind[] = [
  { name: 'embedded store', start: async () => ({ tampering: (app) => sqliteTampering(join(app.dir, 'events.sqlite')), stop: async () => undefined }) },
  {
    name: 'EventStoreDB (protocol double)',
    start: async () => {
      const double = await EsdbDouble.start();
      return { store: createEventStore({ EVENTSTORE_CONNECTION_STRING: double.connectionString }), tampering: () => doubleTampering(double.log), stop: () => double.stop() };
    },
  },
];

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

/**
 * Every tampering of the chain tests, and the three a chain alone cannot see — the end of the log cut
 * off, the log restored from an older copy and continued, every link recomputed — against checkpoints
 * a witness cosigned (the witness in this process, over HTTP), on both stores. The sealer runs when a
 * test says, as a restarted server's would.
 */
describe.each(STORES)('audit: the log against the witness ($name)', (kind: StoreKind) => {
  let app: TestApp;
  let backend: Awaited<ReturnType<StoreKind['start']>>;
  let tampering: StoreTampering;
  let witnessServer: WitnessServer;
  let witnessKey: string;
  let orgKey: string;
  let witnessing: Witnessing;
  let auditor: ApiClient;
  let curator: ApiClient;
  let head: ApiClient;
  let mentorClient: ApiClient;
  let id: string;
  let first: number;
  let second: number;
  let atFirst: () => Promise<void>;
  const dirs: string[] = [];

  const verify = async () => (await auditor.get('/api/audit/verify')).body;
  const organisationEvents = async () => (await app.store.readAll()).filter((e) => !e.streamId.startsWith('auditchain-') && e.metadata.orgId === 'default');
  /** Seals what the log holds (as a restarted server would) and sends the latest checkpoint to the witness. */
  const sealAndPublish = async (): Promise<Publication> => {
    await new ChainSealer(app.store, { now: app.clock.now, signer: witnessing.signer }).sealToEnd();
    return witnessing.publisher!.publishLatest('default');
  };
  /** Events written straight into the store for the organisation (work done after a restore). */
  const moreEvents = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const eventId = randomUUID();
      await app.store.append(`probe-${eventId}`, [{
        id: eventId, type: 'ProbeRecorded', data: { i },
        metadata: { orgId: 'default', actorId: 'test', role: 'system', commandId: eventId, correlationId: eventId, causationId: eventId, recordedAt: app.clock.now().toISOString(), schemaVersion: 1 },
      }], 'no_stream');
    }
  };
  const script = async (text: string, ...keys: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'proof-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'proof'), text);
    try {
      const { stdout } = await run(process.execPath, [SCRIPT, join(dir, 'proof'), ...keys]);
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  };

  beforeAll(async () => {
    const keysDir = mkdtempSync(join(tmpdir(), 'signing-keys-'));
    const witnessDir = mkdtempSync(join(tmpdir(), 'witness-'));
    dirs.push(keysDir, witnessDir);
    // The organisation's key is made first and its verifier key given to the witness, as its operator would.
    const signer = new CheckpointSigner(new SigningKeys(keysDir, testClock.now), 'mentorship.local/journal');
    orgKey = signer.keys.signersFor('default', signer.origin('default'))[0].vkey;
    const w = openWitness({ dir: witnessDir, name: 'witness.test/municipality', now: testClock.now });
    w.logs.trust(orgKey);
    witnessKey = w.witness.vkey;
    witnessServer = await startWitnessServer(w.witness, { host: '127.0.0.1', port: 0 });

    backend = await kind.start();
    app = await startTestApp({ store: backend.store, config: { AUDIT_WITNESS_URL: witnessServer.url, AUDIT_WITNESS_KEY: witnessKey, AUDIT_SIGNING_KEYS_DIR: keysDir } });
    tampering = backend.tampering(app);
    witnessing = app.nest.get<Witnessing>(WITNESSING);
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    // The organisation by its name, so the statement names no id.
    expect((await head.post('/api/organisation/details', {
      fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка»', shortName: 'МКДОУ ДС № 6 «Рябинушка»',
      address: '356265, Ставропольский край, с. Гофицкое, ул. Школьная, 12', headName: 'Савельева Людмила Михайловна', effectiveFrom: '2026-09-01',
    })).status).toBe(200);
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    mentorClient = mentor.client;
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' });
    expect((await head.step(id, 'order', { number: '45-к', date: '2026-09-15' })).status).toBe(200);
    const one = await sealAndPublish();
    expect(one.kind).toBe('cosigned');
    first = one.size;
    atFirst = await tampering.snapshot();
    expect((await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-10-15' }] })).status).toBe(200);
    expect((await mentee.client.step(id, 'acknowledge', { date: '2026-09-21' })).status).toBe(200);
    await hire(app, curator, 'Сидорова Ольга Ивановна', 'mentee');
    const two = await sealAndPublish();
    expect(two.kind).toBe('cosigned');
    second = two.size;
    expect(second).toBe((await organisationEvents()).length);
    expect(second - first).toBeGreaterThan(5);
  });
  afterAll(async () => {
    await app.close();
    await backend.stop();
    await witnessServer.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the log agrees with every checkpoint the witness cosigned; the statement names the one it was checked against and its signatures’ fingerprints', async () => {
    const r = await verify();
    expect(r).toMatchObject({ intact: true, checked: second, unsealed: 0 });
    expect(r.chains[0].witness).toMatchObject({ status: 'agrees', compared: 2, checkpoint: { size: second }, witness: { name: 'witness.test/municipality' } });
    expect(r.summary).toMatch(/Журнал совпадает с контрольной суммой, заверенной свидетелем 24\.11\.2026 \d\d:\d\d:\d\d \(Москва, стандартное время\)/);
    // The page shows the witness's summary as it is.
    expect(notPlainRussian(r.chains[0].witness.summary)).toEqual([]);
    const html = await fetch(`${app.baseUrl}/api/audit/verify/statement`, { headers: { authorization: `Bearer ${auditor.token}` } });
    const s = textOf(await html.text());
    const latest = (await verify()).chains[0].witness;
    const org = latest.checkpoint.signatures.find((x: { by: string }) => x.by === 'organisation');
    const wit = latest.checkpoint.signatures.find((x: { by: string }) => x.by === 'witness');
    expect(s).toContain('Сверка с заверенной свидетелем контрольной суммой журнала совпадает');
    expect(s).toContain(`Заверенная контрольная сумма, с которой сверен журнал ${second} событий журнала; подписана организацией 24.11.2026`);
    expect(s).toContain(`Контрольная сумма журнала (SHA-256): ${latest.checkpoint.root}`);
    expect(s).toContain(`Подписи под ней организации: отпечаток ключа ${org.fingerprint} свидетеля: отпечаток ключа ${wit.fingerprint}`);
    expect(org.fingerprint).toMatch(/^(\d{5} ){7}\d{5}$/);
    expect(s).not.toMatch(/GET \/api|npm run|вершин|запечат|позици/i);
    // What a head signs is plain Russian: no key names, addresses, ISO times or ids. Left out of the check: the SHA-256
    // sums (64 hex digits, as the chain's sum has always been printed: they are what a reader compares) and the test's
    // accounts, named «Пользователь auditor» (the browser test leaves out the same two). Fingerprints are digits.
    expect(notPlainRussian(s.replace(/\b[0-9a-f]{64}\b/g, ' ').replace(/Пользователь [a-z,]+/g, ' '))).toEqual([]);
  });

  it('an inclusion proof of one event and a consistency proof between two checkpoints download, and the stand-alone script confirms them', async () => {
    const order = (await organisationEvents()).find((e) => e.streamId === `mentorship-${id}` && e.type === 'OrderIssued')!;
    const inclusion = await auditor.get(`/api/audit/proofs/inclusion?stream=mentorship-${id}&revision=${order.revision}`);
    expect(inclusion.status).toBe(200);
    expect(inclusion.headers.get('content-disposition')).toMatch(/^attachment; filename="vklyuchenie-default-\d+-iz-\d+\.tlog-proof"$/);
    const ok = await script(inclusion.body, '--key', orgKey, '--witness', witnessKey);
    expect(ok.stdout).toMatch(/^ПОДТВЕРЖДЕНО/m);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`поток mentorship-${id}, версия ${order.revision}, OrderIssued`);
    expect(ok.stdout).toMatch(/подпись свидетеля witness\.test\/municipality сходится/);
    // The event's text changed in the file: the script refuses it.
    const extra = /^extra (.+)$/m.exec(inclusion.body)![1];
    const forged = Buffer.from(Buffer.from(extra, 'base64').toString('utf8').replace('45-к', '46-к')).toString('base64');
    expect((await script(inclusion.body.replace(extra, forged), '--key', orgKey, '--witness', witnessKey)).code).toBe(1);
    // Another organisation's key does not confirm it.
    const stranger = new CheckpointSigner(new SigningKeys(null, testClock.now), 'mentorship.local/journal');
    expect((await script(inclusion.body, '--key', stranger.keys.signersFor('default', stranger.origin('default'))[0].vkey)).code).toBe(1);

    const consistency = await auditor.get(`/api/audit/proofs/consistency?from=${first}&to=${second}`);
    expect(consistency.status).toBe(200);
    const holds = await script(consistency.body, '--key', orgKey, '--witness', witnessKey);
    expect(holds.stdout).toMatch(/^ПОДТВЕРЖДЕНО/m);
    expect(holds.code).toBe(0);
    expect(holds.stdout).toContain(`журнал из ${second} событий продолжает журнал из ${first} событий`);
    const lines = consistency.body.split('\n');
    lines[2] = Buffer.alloc(32, 7).toString('base64');
    expect((await script(lines.join('\n'), '--key', orgKey)).code).toBe(1);

    expect((await mentorClient.get(`/api/audit/proofs/consistency?from=${first}`)).status).toBe(403);
    expect((await auditor.get(`/api/audit/proofs/consistency?from=${first + 1}&to=${second}`)).status).toBe(404);
  });

  it('each tampering of the chain tests is caught at its position, and the witness sees the log no longer gives its checkpoint', async () => {
    const logged = await organisationEvents();
    const order = logged.find((e) => e.streamId === `mentorship-${id}` && e.type === 'OrderIssued')!;
    const consent = logged.find((e) => e.streamId === `mentorship-${id}` && e.type === 'ConsentRecorded')!;
    const registered = logged.filter((e) => e.type === 'PersonRegistered');
    const cases: [string, () => Promise<() => Promise<void>>, RecordedEvent][] = [
      ['changed', () => tampering.change(order, { number: '46-к', date: '2026-09-15' }), order],
      ['deleted', () => tampering.remove(consent), consent],
      ['inserted', () => tampering.swap(registered[0], registered[1]), registered[0]],
    ];
    for (const [kind, tamper, at] of cases) {
      const restore = await tamper();
      try {
        const r = await verify();
        expect(r.firstBreak).toMatchObject({ kind, position: positionToString(at.position) });
        expect(r.chains[0].witness).toMatchObject({ status: 'contradicts', contradiction: { kind: 'rewritten' }, checkpoint: { size: first } });
      } finally {
        await restore();
      }
    }
    expect((await verify()).intact).toBe(true);
  });

  it('a chain record with a zeroed link hash is a damaged chain record, not a changed event; the events still give the witnessed checkpoint', async () => {
    const records = (await app.store.readStream('auditchain-default')).filter((e) => e.type === 'EventsChained' && (e.data as { links: { hash: string[] } }).links.hash.length > 1);
    const record = records[0];
    const data = record.data as { links: { hash: string[] } };
    const restore = await tampering.change(record, { ...data, links: { ...data.links, hash: data.links.hash.map((h, i) => (i === 1 ? '0'.repeat(64) : h)) } });
    try {
      const r = await verify();
      expect(r.firstBreak).toMatchObject({ kind: 'chain-damaged', position: positionToString(record.position) });
      expect(r.summary).toContain('Запись цепочки');
      expect(r.summary).not.toContain('изменено');
      expect(r.chains[0].witness).toMatchObject({ status: 'agrees', checkpoint: { size: second } });
    } finally {
      await restore();
    }
  });

  it('truncation: the last events cut off with their chain record and recorded head are reported against the checkpoint the witness cosigned, and a restarted sealer’s checkpoint is refused', async () => {
    const restore = await tampering.snapshot();
    try {
      const logged = await organisationEvents();
      await tampering.cutAfter(logged[logged.length - 6].position);
      const r = await verify();
      expect(r.intact).toBe(false);
      expect(r.firstBreak).toMatchObject({ kind: 'truncated', ordinal: second, witnessed: { size: second } });
      expect(r.firstBreak.message).toMatch(new RegExp(`^В журнале организации ${second - 5} событи[ейя]+, а свидетель 24\\.11\\.2026 \\d\\d:\\d\\d:\\d\\d \\(Москва, стандартное время\\) заверил`));
      expect(r.firstBreak.message).toContain(`заверил контрольную сумму журнала из ${second} событий`);
      expect(r.chains[0].witness).toMatchObject({ status: 'contradicts', lastAgreeing: { size: first } });
      expect(notPlainRussian(`${r.firstBreak.message} ${r.chains[0].witness.summary}`)).toEqual([]);
      // A restart seals what is left under a new head: the witness refuses the shorter log and keeps the refusal.
      expect(await sealAndPublish()).toMatchObject({ kind: 'shorter', witnessSize: second });
      const after = await verify();
      expect(after.firstBreak.kind).toBe('truncated');
      expect(after.chains[0].witness.refusals.at(-1).reason).toContain('журнал стал короче заверенного');
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });

  it('rollback: the log restored from an older copy and continued is reported against the checkpoint it contradicts', async () => {
    const restore = await tampering.snapshot();
    try {
      await atFirst();
      await moreEvents(second - first + 3);
      expect(await sealAndPublish()).toMatchObject({ kind: 'refused', status: 422 });
      const r = await verify();
      expect(r.firstBreak).toMatchObject({ kind: 'rolled-back', witnessed: { size: second } });
      expect(r.firstBreak.message).toContain('журнал возвращён к прежнему состоянию');
      expect(r.chains[0].witness).toMatchObject({ status: 'contradicts', lastAgreeing: { size: first } });
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });

  it('full recomputation: a changed event under recomputed chain records passes its own chain, not the witness', async () => {
    const restore = await tampering.snapshot();
    try {
      const order = (await organisationEvents()).find((e) => e.streamId === `mentorship-${id}` && e.type === 'OrderIssued')!;
      await tampering.change(order, { number: '1-к', date: '2026-09-15' });
      await tampering.removeStreams('auditchain-');
      expect(await sealAndPublish()).toMatchObject({ kind: 'refused', status: 422 });
      const r = await verify();
      expect(r.checked).toBe(second);
      expect(r.firstBreak).toMatchObject({ kind: 'recomputed', witnessed: { size: first } });
      expect(r.firstBreak.message).toContain('цепочка пересчитана заново');
      const s = textOf(await (await fetch(`${app.baseUrl}/api/audit/verify/statement`, { headers: { authorization: `Bearer ${auditor.token}` } })).text());
      expect(s).toContain('НАРУШЕНА ЦЕЛОСТНОСТЬ ЖУРНАЛА');
      expect(s).toContain('Сверка с заверенной свидетелем контрольной суммой журнала НЕ СОВПАДАЕТ');
      expect(s).toContain('Заверенная контрольная сумма, с которой журнал расходится');
      expect(notPlainRussian(s.replace(/\b[0-9a-f]{64}\b/g, ' ').replace(/Пользователь [a-z,]+/g, ' '))).toEqual([]);
    } finally {
      await restore();
    }
    expect((await verify()).intact).toBe(true);
  });
});
