import { hire, proposal } from './support/kindergarten';
import type { ApiClient } from './support/api-client';
import { startTestApp, type TestApp } from './support/test-app';

const ORG_NAME = 'ДОУ из настроек сервера';
const DETAILS = {
  fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое',
  shortName: 'МКДОУ ДС № 6 «Рябинушка»',
  address: '356265, Ставропольский край, с. Гофицкое, ул. Школьная, 12',
  headName: 'Савельева Людмила Михайловна',
  curatorName: 'Кузнецова Ольга Николаевна',
  curatorPosition: 'Заместитель заведующего',
};

/**
 * The organisation's details are entered in the app by the head or the administrator, as events of
 * `organisation-<orgId>`; `ORG_NAME` names the first organisation only until they are. Documents print the
 * version in force on their date. Today is 2026-11-24.
 */
describe('organisation details', () => {
  let app: TestApp;
  let head: ApiClient;
  let curator: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ config: { ORG_NAME } });
    [head, curator] = await Promise.all([app.user(['head']), app.user(['curator'])]);
  });
  afterAll(() => app.close());

  it('before any are entered, the configured name is printed; another organisation gets a blank line', async () => {
    const r = await curator.get('/api/organisation');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ revision: -1, today: '2026-11-24', canEdit: false, versions: [], current: { fullName: ORG_NAME, shortName: ORG_NAME, source: 'configuration', headName: null } });
    const other = await app.organisation('other-org');
    expect((await other.admin.get('/api/organisation')).body).toMatchObject({ canEdit: true, current: { source: 'blank', fullName: expect.stringContaining('наименование образовательной организации') } });
  });

  it('only the head or the administrator enters them (§3.3); the body is checked field by field', async () => {
    expect(await curator.post('/api/organisation/details', DETAILS)).toMatchObject({ status: 403, body: { code: 'role-not-allowed', clause: '§3.3' } });
    const bad = await head.post('/api/organisation/details', { ...DETAILS, shortName: '' });
    expect(bad.status).toBe(400);
    expect(await head.post('/api/organisation/details', { ...DETAILS, effectiveFrom: '2026-11-25' })).toMatchObject({ status: 422, body: { code: 'details-date-in-future' } });
  });

  it('the head enters them from a past day: recorded, shown, and printed on documents dated since then', async () => {
    const mentor = await hire(app, curator, 'Фёдорова Галина Павловна', 'mentor');
    const mentee = await hire(app, curator, 'Морозова Алина Игоревна', 'mentee');
    const id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие № 2' });

    const written = await head.post('/api/organisation/details', { ...DETAILS, effectiveFrom: '2026-09-01' }, { 'Idempotency-Key': 'details-1' });
    expect(written.status).toBe(200);
    expect(written.headers.get('etag')).toBe('"0"');
    expect(written.body).toMatchObject({ revision: 0, current: { ...DETAILS, headPosition: 'Заведующий', source: 'entered', effectiveFrom: '2026-09-01' } });
    const again = await head.post('/api/organisation/details', { ...DETAILS, effectiveFrom: '2026-09-01' }, { 'Idempotency-Key': 'details-1' });
    expect(again.body).toMatchObject({ revision: 0, replayed: true });
    const stream = (await app.store.readStream(`organisation-${(await curator.get('/api/session')).body.orgId}`));
    expect(stream.map((e) => [e.type, e.metadata.role])).toEqual([['OrganisationDetailsRecorded', 'head']]);

    // The consent was signed on 11.09.2026, after the details came into force: addressed to the head by name.
    const consent = await curator.get(`/api/mentorships/${id}/documents/mentee-consent?format=html`);
    expect(consent.body).toContain('Заведующему МКДОУ ДС № 6 «Рябинушка»');
    expect(consent.body).toContain('Савельевой Л. М.');
    expect(consent.body).not.toContain(ORG_NAME);
  });

  it('a stale revision is refused with 412; a new version applies from its own day on', async () => {
    expect((await head.post('/api/organisation/details', { ...DETAILS, headName: 'Орлова Татьяна Викторовна' }, { 'If-Match': '"7"' })).status).toBe(412);
    const renamed = await head.post('/api/organisation/details', { ...DETAILS, headName: 'Орлова Татьяна Викторовна' }, { 'If-Match': '"0"' });
    expect(renamed.body).toMatchObject({ revision: 1, current: { headName: 'Орлова Татьяна Викторовна', effectiveFrom: '2026-11-24' } });
    expect(renamed.body.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2026-11-24', '2026-09-01']);
    expect((await head.post('/api/organisation/details', { ...DETAILS, headName: 'Орлова Татьяна Викторовна' })).body).toMatchObject({ code: 'details-unchanged' });
  });

  it('the integrity statement and the audit package print the organisation by name and the head\'s signature line', async () => {
    const auditor = await app.user(['auditor']);
    const statement = await auditor.get('/api/audit/verify/statement');
    expect(statement.status).toBe(200);
    expect(statement.body).toContain(DETAILS.fullName);
    expect(statement.body).toContain(DETAILS.address);
    expect(statement.body).toContain('Заведующий: <span class="line"></span> / Орлова Т. В. /');
    expect(statement.body).not.toContain('(идентификатор');
    expect(statement.body).toContain(`<title>Акт проверки целостности журнала — ${DETAILS.shortName} — 24.11.2026`);
    const pkg = await auditor.get('/api/audit/export?from=2026-09-01&to=2026-11-30&format=html');
    expect(pkg.body).toContain(`<p class="sub">${DETAILS.fullName}.`);
    expect(pkg.body).toContain('Заведующий: <span class="line"></span> / Орлова Т. В. /');
  });
});
