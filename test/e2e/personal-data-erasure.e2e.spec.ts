import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { EsdbDouble } from '../esdb-double/esdb-double';
import { createEventStore } from '#libs/event-store';
import { ERASED } from '#core/people';

/** A name no fixture, label or document reference contains, so finding it anywhere means it leaked. */
const NAME = 'Загоруйко Евлампия Феоктистовна';
const NAME_PARTS = ['Загоруйко', 'Евлампия', 'Феоктистовна'];

const STORES = [
  { name: 'embedded store', start: async () => ({ double: undefined as EsdbDouble | undefined }) },
  { name: 'EventStoreDB (protocol double)', start: async () => ({ double: await EsdbDouble.start() }) },
];

describe.each(STORES)('erasable personal data ($name)', (kind) => {
  let app: TestApp;
  let double: EsdbDouble | undefined;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let mentor: Staff;
  let personId: string;
  let mentorshipId: string;
  let last = '';

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    if (r.body?.position) last = r.body.position;
    return r.body;
  };
  const fresh = (path: string, client = curator) => client.get(`${path}${path.includes('?') ? '&' : '?'}after=${last}`);
  const report = async () => (await fresh('/api/reports/monitoring?from=2026-01-01&to=2026-12-31')).body;

  beforeAll(async () => {
    ({ double } = await kind.start());
    app = await startTestApp({ store: double ? createEventStore({ EVENTSTORE_CONNECTION_STRING: double.connectionString }) : undefined, readModelsOnDisk: true, sealer: true });
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    personId = (await ok(curator.post('/api/people', { fullName: NAME, position: 'Воспитатель', firstWorkingDay: '2026-09-01' }))).id;
    await ok(curator.post(`/api/people/${personId}/consent`, { date: '2026-09-01', documentRef: 'Согласие на обработку ПДн № 17' }));
    await ok(curator.post('/api/mentee-bank', { personId, requests: ['планирование занятий'] }));
    mentorshipId = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [personId])))).id;
    // Her own account carries her name too.
    await ok(app.admin.post('/api/users', { name: NAME, roles: ['mentee'], personId }));
  });
  afterAll(async () => {
    await app?.close();
    await double?.stop();
  });

  it('stores the name only encrypted: the log never holds it in clear', async () => {
    expect((await fresh(`/api/people/${personId}`)).body.fullName).toBe(NAME);
    const stored = (await app.nest.get(StoredToken()).readStream(`person-${personId}`)) as { type: string; data: any }[];
    const registered = stored.find((e) => e.type === 'PersonRegistered')!;
    expect(registered.data.fullName).toBeUndefined();
    expect(registered.data.personal).toMatchObject({ subject: personId, ct: expect.any(String) });
    expect(JSON.stringify(stored.map((e) => e.data))).not.toContain(NAME_PARTS[0]);
  });

  it('refuses destruction while consent stands, and while a mentorship still needs the data', async () => {
    const order = { date: '2026-11-20', orderNumber: '12-ПД', orderDate: '2026-11-20' };
    const early = await head.post(`/api/people/${personId}/personal-data-destruction`, order);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'consent-not-withdrawn', clause: expect.stringContaining('152-ФЗ') });

    await ok(curator.post(`/api/people/${personId}/consent-withdrawal`, { date: '2026-11-19', documentRef: 'Заявление об отзыве вх. № 88' }));
    const retained = await head.post(`/api/people/${personId}/personal-data-destruction`, order);
    expect(retained.status).toBe(422);
    expect(retained.body).toMatchObject({ code: 'retention-required' });
    expect(retained.body.detail ?? retained.body.title).toMatch(/незавершённом наставничестве/);
    expect((await curator.post(`/api/people/${personId}/personal-data-destruction`, order)).status).toBe(403);
  });

  it('stops processing after withdrawal: the person cannot be proposed or enter a bank, and leaves the bank list', async () => {
    const again = await curator.post('/api/mentorships', proposal(mentor.id, [personId]));
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.body)).toContain('no-personal-data-consent');
    expect((await curator.post('/api/mentor-bank', { personId, competences: ['ФГОС ДО'] })).status).toBe(422);
    const bank = (await fresh('/api/banks/mentees')).body;
    expect(JSON.stringify(bank)).not.toContain(personId);
    const org = (await auditor.get('/api/audit/organisation?asOf=2026-11-24')).body;
    expect(org.personalDataConsents.find((c: { personId: string }) => c.personId === personId)).toMatchObject({ date: '2026-09-01', withdrawn: { date: '2026-11-19' } });
    expect(org.menteeBank.map((m: { personId: string }) => m.personId)).not.toContain(personId);
  });

  it('destroys the key on the head\'s order once the mentorship is over: erased everywhere, figures unchanged, record kept', async () => {
    await ok(curator.step(mentorshipId, 'withdraw', { date: '2026-11-20', reason: 'Наставляемый отозвал согласие на обработку персональных данных' }));
    const before = await report();
    const historyBefore = (await auditor.get(`/api/mentorships/${mentorshipId}/history`)).body;

    await ok(head.post(`/api/people/${personId}/personal-data-destruction`, { date: '2026-11-21', orderNumber: '12-ПД', orderDate: '2026-11-20' }));

    expect((await fresh(`/api/people/${personId}`)).body).toMatchObject({ fullName: ERASED, personalDataDestroyed: { date: '2026-11-21', orderNumber: '12-ПД' } });
    const view = (await curator.get(`/api/mentorships/${mentorshipId}`)).body;
    expect(JSON.stringify(view)).not.toContain(NAME_PARTS[0]);
    expect(JSON.stringify(view)).toContain(ERASED);
    const staff = (await fresh('/api/staff')).body.items.find((p: { personId: string }) => p.personId === personId);
    expect(staff).toMatchObject({ fullName: ERASED, consentWithdrawnOn: '2026-11-19', personalDataDestroyedOn: '2026-11-21' });
    expect(JSON.stringify((await fresh('/api/mentorships')).body)).not.toContain(NAME_PARTS[0]);
    const history = (await auditor.get(`/api/mentorships/${mentorshipId}/history`)).body;
    expect(history.events?.length ?? history.length).toBe(historyBefore.events?.length ?? historyBefore.length);
    expect(JSON.stringify(history)).not.toContain(NAME_PARTS[0]);
    const org = (await auditor.get('/api/audit/organisation?asOf=2026-11-01')).body;
    expect(JSON.stringify(org)).not.toContain(NAME_PARTS[0]);

    const after = await report();
    expect({ ...after, position: undefined, generatedAt: undefined }).toEqual({ ...before, position: undefined, generatedAt: undefined });

    // The log was not touched: once the sealer has chained the destruction record too, the whole chain verifies.
    const deadline = Date.now() + 10_000;
    let verified = (await auditor.get('/api/audit/verify')).body;
    while ((verified.unsealed !== 0 || !verified.intact) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      verified = (await auditor.get('/api/audit/verify')).body;
    }
    expect(verified).toMatchObject({ intact: true, unsealed: 0 });
    expect(verified.checked).toBeGreaterThan(10);

    const record = (await app.nest.get(StoredToken()).readStream(`person-${personId}`)).find((e: { type: string }) => e.type === 'PersonalDataDestroyed');
    expect(record?.data).toMatchObject({ fields: ['PersonRegistered.fullName', 'UserCreated.name', 'UserCreated.email'], date: '2026-11-21', order: { number: '12-ПД', date: '2026-11-20' } });
    expect(record?.metadata).toMatchObject({ role: 'head' });
  });

  it('leaves no plaintext of the name in the event store, read models, key store or exports', async () => {
    const csv = await fresh('/api/reports/monitoring?from=2026-01-01&to=2026-12-31&format=csv');
    expect(String(csv.body)).not.toContain(NAME_PARTS[0]);
    const files = await closeAndRead(app);
    app = undefined as unknown as TestApp;
    const haystacks: [string, Buffer][] = [...files];
    if (double) haystacks.push(['esdb-double log', Buffer.from(JSON.stringify(double.log.events.map((e) => [Buffer.from(e.data).toString('utf8'), Buffer.from(e.metadata).toString('utf8')])))]);
    expect(haystacks.map(([f]) => f)).toEqual(expect.arrayContaining(['keys.sqlite', 'readmodels.sqlite']));
    for (const [file, bytes] of haystacks) {
      for (const part of NAME_PARTS) {
        expect({ file, found: bytes.includes(Buffer.from(part, 'utf8')) || bytes.includes(Buffer.from(part, 'utf16le')) }).toEqual({ file, found: false });
      }
    }
  });
});

function StoredToken() {
  // The raw adapter, below the codec: what is really written.
  return require('#libs/event-store').STORED_EVENT_STORE;
}

/** Every file of the data directory and below (the signing keys' folder) while the server still runs (WAL files included), then again once it has closed them. */
async function closeAndRead(app: TestApp): Promise<[string, Buffer][]> {
  const read = () => readdirSync(app.dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .map((f) => [relative(app.dir, f), readFileSync(f)] as [string, Buffer]);
  const running = read();
  await app.nest.close();
  const closed = read().map(([f, b]) => [`${f} (closed)`, b] as [string, Buffer]);
  await app.close().catch(() => undefined);
  return [...running, ...closed];
}
