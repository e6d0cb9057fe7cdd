import ExcelJS from 'exceljs';
import type { RecordedEvent } from '#libs/event-store';
import { organisationFigures, sumFigures, type OrganisationFigures } from '#libs/reports';
import type { ApiClient } from './support/api-client';
import { hire, proposal, type Staff } from './support/kindergarten';
import { REGION, startTestApp, type Organisation, type TestApp } from './support/test-app';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
/** Surnames only these tests give people: an answer to the coordinator holding one has leaked personal data. */
const SURNAMES = ['Секретова', 'Потаённая', 'Укромова', 'Скрытнова', 'Тихонравова'];

/**
 * Organisations as data (the system administrator's register) and the municipality's view (the coordinator's
 * roll-up): §3.3 (сетевое взаимодействие), §3.4 (мониторинг, формы статистического наблюдения).
 */
describe('the region: organisations as data, and the municipality\'s view', () => {
  let app: TestApp;
  let system: ApiClient;
  let a: Organisation;
  let b: Organisation;
  let coordinator: ApiClient;
  const curators: ApiClient[] = [];

  const ok = async (p: Promise<{ status: number; body: any }>, status = [200, 201]) => {
    const r = await p;
    if (!status.includes(r.status)) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** A kindergarten with mentorships in several states, people named with `SURNAMES`. */
  async function kindergarten(org: Organisation, n: number) {
    const [curator, head] = [await org.user(['curator']), await org.user(['head'])];
    curators.push(curator);
    const mentor = await hire(org, curator, `${SURNAMES[n]} Анна Петровна`, 'mentor', '2010-09-01');
    const mentees: Staff[] = [];
    for (let i = 0; i < 2 + n; i++) mentees.push(await hire(org, curator, `${SURNAMES[(n + i + 1) % SURNAMES.length]} Мария${'я'.repeat(i)} Ивановна`, 'mentee'));
    for (const [i, mentee] of mentees.entries()) {
      const id = (await ok(curator.post('/api/mentorships', proposal(mentor.id, [mentee.id], { topic: `Тема ${i}` })))).id;
      if (i === 0) continue;
      for (const p of [mentor, mentee]) await ok(curator.step(id, 'consent', { personId: p.id, given: true, date: '2026-09-11', documentRef: `Согласие ${i}` }));
      await ok(head.step(id, 'order', { number: `${i}-к`, date: '2026-09-15' }));
      if (i === 1) continue;
      await ok(mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'workplace-intro', title: 'Знакомство', due: '2026-10-15' }] }));
      await ok(mentee.client.step(id, 'acknowledge', { date: '2026-09-21' }));
      await ok(mentor.client.step(id, 'activity-done', { activityId: 'A1', date: '2026-10-20' }));
      await ok(curator.step(id, 'complete', { date: '2026-11-01', reason: 'plan-fulfilled' }));
    }
    await ok(curator.post('/api/roadmap/steps/draft', { date: '2026-09-01', documentRef: 'Дорожная карта' }));
  }

  beforeAll(async () => {
    app = await startTestApp({ regional: true });
    system = app.system!;
    a = await app.organisation('sad-rjabinushka');
    b = await app.organisation('sad-solnyshko');
    await kindergarten(a, 0);
    await kindergarten(b, 1);
    coordinator = app.as((await ok(system.post('/api/coordinators', { name: 'Координатор района', regionId: REGION.regionId, municipalityId: REGION.municipalityId }))).token);
  }, 180_000);
  afterAll(() => app.close());

  it('keeps the configured first organisation working as before, listed first and outside any municipality', async () => {
    expect((await app.admin.get('/api/organisation')).status).toBe(200);
    const list = await ok(system.get('/api/organisations'));
    expect(list.items[0]).toMatchObject({ orgId: 'default', configured: true, registered: false });
    expect(list.items.map((o: { orgId: string }) => o.orgId)).toEqual(['default', 'sad-rjabinushka', 'sad-solnyshko']);
    expect(list.items[1]).toMatchObject({ name: 'Детский сад № 1', municipality: REGION.municipality, region: REGION.region, timeZone: 'Europe/Moscow', disabledOn: null });
  });

  it('registers an organisation with its details, time zone and first administrator, who then works in it', async () => {
    const r = await ok(system.post('/api/organisations', {
      orgId: 'sad-kolosok', name: 'Детский сад «Колосок»', regionId: REGION.regionId, municipalityId: REGION.municipalityId, timeZone: 'Asia/Yekaterinburg',
      details: { fullName: 'МКДОУ «Детский сад № 3 «Колосок»', shortName: 'МКДОУ ДС № 3', address: 'с. Полевое, ул. Садовая, 3', headName: 'Хлебникова Ольга Ивановна' },
      administrator: { name: 'Администратор Колоска' },
    }));
    expect(r.administrator.token).toMatch(/^mt_/);
    const admin = app.as(r.administrator.token);
    expect((await ok(admin.get('/api/session'))).orgId).toBe('sad-kolosok');
    expect((await ok(admin.get('/api/organisation'))).current.fullName).toBe('МКДОУ «Детский сад № 3 «Колосок»');
    const events = (await app.store.readAll()).filter((e) => e.metadata.orgId === 'sad-kolosok');
    expect(events.map((e) => `${e.streamId.split('-')[0]} ${e.type}`)).toEqual(['registry OrganisationRegistered', 'organisation OrganisationDetailsRecorded', 'user UserCreated']);
    const listed = (await ok(system.get('/api/organisations'))).items.find((o: { orgId: string }) => o.orgId === 'sad-kolosok');
    expect(listed).toMatchObject({ timeZone: 'Asia/Yekaterinburg', municipality: REGION.municipality });
  });

  it('refuses in Russian, naming the clause, what is not the system administrator\'s or is not so, and writes nothing', async () => {
    const before = (await app.store.readAll()).length;
    const body = { orgId: 'sad-novyj', name: 'Новый сад', regionId: REGION.regionId, municipalityId: REGION.municipalityId, administrator: { name: 'Админ' } };
    const refusals = [
      [await a.admin.post('/api/organisations', body), 403, 'system-admin-only'],
      [await coordinator.post('/api/organisations', body), 403, 'system-admin-only'],
      [await a.admin.get('/api/organisations'), 403, 'system-admin-only'],
      [await system.post('/api/organisations', { ...body, municipalityId: 'nigde' }), 404, 'municipality-not-found'],
      [await system.post('/api/organisations', { ...body, regionId: 'nigde' }), 404, 'region-not-found'],
      [await system.post('/api/organisations', { ...body, orgId: 'sad-rjabinushka' }), 409, 'organisation-exists'],
      [await system.post('/api/organisations', { ...body, administrator: undefined }), 400, 'administrator-required'],
      [await system.post('/api/organisations', { ...body, timeZone: 'Марс/Олимп' }), 400, 'invalid-body'],
      [await system.post('/api/organisations/nigde/rename', { name: 'Другое' }), 404, 'organisation-not-found'],
      [await system.post('/api/organisations/sad-rjabinushka/enable', {}), 409, 'organisation-not-disabled'],
      [await a.admin.post('/api/organisations/sad-solnyshko/disable', {}), 403, 'system-admin-only'],
      [await a.admin.get('/api/region/figures?' + PERIOD), 403, 'coordinator-only'],
      [await system.get('/api/region/figures?' + PERIOD), 403, 'coordinator-only'],
    ] as const;
    for (const [r, status, code] of refusals) {
      expect([r.status, r.body.code]).toEqual([status, code]);
      expect(r.body.detail).toMatch(/[А-Яа-яЁё]/);
      if (code !== 'invalid-body') expect(r.body.clause).toMatch(/^§3\.[34]$/);
    }
    expect((await app.store.readAll()).length).toBe(before);
  });

  it('renames and disables an organisation: its accounts are refused in Russian, naming the clause, until it is enabled', async () => {
    const curator = await b.user(['curator']);
    expect((await curator.get('/api/mentorships')).status).toBe(200);
    await ok(system.post('/api/organisations/sad-solnyshko/rename', { name: 'Детский сад «Солнышко»' }));
    await ok(system.post('/api/organisations/sad-solnyshko/disable', {}));
    for (const client of [curator, b.admin]) {
      const r = await client.get('/api/mentorships');
      expect([r.status, r.body.code, r.body.clause]).toEqual([401, 'organisation-disabled', '§3.3']);
      expect(r.body.detail).toContain('Организация отключена');
    }
    expect((await app.admin.get('/api/organisation')).status).toBe(200);
    const listed = (await ok(system.get('/api/organisations'))).items.find((o: { orgId: string }) => o.orgId === 'sad-solnyshko');
    expect(listed).toMatchObject({ name: 'Детский сад «Солнышко»', disabledOn: '2026-11-24' });
    await ok(system.post('/api/organisations/sad-solnyshko/enable', {}));
    expect((await curator.get('/api/mentorships')).status).toBe(200);
  });

  it('gives the coordinator each organisation\'s figures, and totals equal to the sum of each organisation\'s own report for the period', async () => {
    const rollup = await ok(coordinator.get(`/api/region/figures?${PERIOD}`));
    expect(rollup.territory).toEqual({ kind: 'municipality', region: REGION.region, municipality: REGION.municipality });
    const own: OrganisationFigures[] = [];
    for (const [i, org] of [a, b].entries()) {
      const report = await ok(curators[i].get(`/api/reports/monitoring?${PERIOD}`));
      const row = rollup.organisations.find((o: { orgId: string }) => o.orgId === org.orgId);
      expect(row.figures).toEqual(organisationFigures(report));
      own.push(row.figures);
    }
    const kolosok = rollup.organisations.find((o: { orgId: string }) => o.orgId === 'sad-kolosok');
    expect(kolosok.figures.mentorships).toBe(0);
    const { shares: _shares, ...totals } = rollup.totals;
    expect(totals).toEqual(sumFigures([...own, kolosok.figures]));
    expect(totals).toMatchObject({ organisations: 3, mentorships: 5, mentors: 2, mentees: 3, completed: 1, roadmapPhases: { drafted: 2, new: 1 } });
    expect(totals.byState).toMatchObject({ proposed: 2, ordered: 2, completed: 1 });
    expect(rollup.totals.shares.youngShare).toBeGreaterThan(0);
  });

  it('shows a coordinator of another municipality none of these organisations, and a regional coordinator all of them', async () => {
    await ok(system.post(`/api/regions/${REGION.regionId}/municipalities`, { municipalityId: 'drugoj-rajon', name: 'Другой район' }));
    const other = app.as((await ok(system.post('/api/coordinators', { name: 'Координатор другого района', regionId: REGION.regionId, municipalityId: 'drugoj-rajon' }))).token);
    expect((await ok(other.get(`/api/region/figures?${PERIOD}`))).organisations).toEqual([]);
    const regional = app.as((await ok(system.post('/api/coordinators', { name: 'Координатор области', regionId: REGION.regionId }))).token);
    expect((await ok(regional.get(`/api/region/figures?${PERIOD}`))).organisations).toHaveLength(3);
  });

  it('gives the coordinator no personal data in any answer it can get', async () => {
    const doc = (await system.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const mentorships = (await ok(curators[0].get('/api/mentorships'))).items as { id: string; mentor: { id: string } }[];
    const ids: Record<string, string> = { id: mentorships[0].id, personId: mentorships[0].mentor.id, kind: 'pairs-order', regionId: REGION.regionId, orgId: a.orgId };
    const answers: string[] = [];
    let asked = 0;
    for (const [route, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        // The public website section (§8) answers anyone the same, by design (the mentors' bank names mentors): not the coordinator's to get.
        if (Array.isArray(op.security) && op.security.length === 0 && route.includes('{orgId}')) continue;
        const path = route.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x') + (route.includes('figures') || route.includes('monitoring') || route.includes('export') ? `?${PERIOD}` : '');
        const r = method === 'get' ? await coordinator.get(path) : await coordinator.request(method.toUpperCase(), path, {});
        asked++;
        answers.push(`${route} ${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`);
      }
    }
    const xlsx = await fetch(`${app.baseUrl}/api/region/figures?${PERIOD}&format=xlsx`, { headers: { authorization: `Bearer ${coordinator.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    wb.eachSheet((ws) => ws.eachRow((row) => answers.push(JSON.stringify(row.values))));
    expect(asked).toBeGreaterThan(60);
    const leaks = answers.filter((text) => SURNAMES.some((name) => text.includes(name)));
    expect(leaks).toEqual([]);
  });

  it('exports the roll-up as an XLSX: a titled sheet with a row per organisation and the totals', async () => {
    const r = await fetch(`${app.baseUrl}/api/region/figures?${PERIOD}&format=xlsx`, { headers: { authorization: `Bearer ${coordinator.token}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Сводка')!;
    expect(ws.getCell('A1').value).toBe('Сводные показатели наставничества педагогических работников по организациям');
    expect(String(ws.getCell('A2').value)).toContain('период с 01.01.2026 по 31.12.2026');
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['Организация', 'Муниципалитет', 'Дорожная карта', 'Наставничеств']);
    const names = [6, 7, 8, 9].map((n) => ws.getRow(n).getCell(1).value);
    expect(names).toEqual(['Детский сад «Колосок»', 'Детский сад «Солнышко»', 'Детский сад № 1', 'Итого']);
    expect(ws.getRow(9).getCell(4).value).toBe(5);
    expect(wb.getWorksheet('Дорожные карты')).toBeDefined();
  });

  it('answers again from what it built while nothing changed, and anew after a step of one of its organisations', async () => {
    const before = await ok(coordinator.get(`/api/region/figures?${PERIOD}`));
    expect(await ok(coordinator.get(`/api/region/figures?${PERIOD}`))).toEqual(before);
    const mentors = (await ok(curators[0].get('/api/banks/mentors'))).items as { personId: string }[];
    const mentee = await hire(a, curators[0], 'Новенькая Ольга Сергеевна', 'mentee');
    const written = await ok(curators[0].post('/api/mentorships', proposal(mentors[0].personId, [mentee.id], { topic: 'Ещё одна тема' })));
    const after = await ok(coordinator.get(`/api/region/figures?${PERIOD}&after=${encodeURIComponent(written.position)}`));
    expect(after.totals.mentorships).toBe(before.totals.mentorships + 1);
  });

  it('lists, disables and enables coordinators\' accounts: a disabled coordinator is refused', async () => {
    const made = await ok(system.post('/api/coordinators', { name: 'Координатор на время', regionId: REGION.regionId, municipalityId: REGION.municipalityId }));
    const temporary = app.as(made.token);
    expect((await temporary.get(`/api/region/figures?${PERIOD}`)).status).toBe(200);
    const listed = (await ok(system.get('/api/coordinators'))).items.find((c: { userId: string }) => c.userId === made.id);
    expect(listed).toMatchObject({ name: 'Координатор на время', region: REGION.region, municipality: REGION.municipality, state: 'active' });
    expect((await a.admin.post(`/api/coordinators/${made.id}/disable`, {})).status).toBe(403);
    expect((await a.admin.post(`/api/users/${made.id}/disable`, {})).status).toBe(404);
    await ok(system.post(`/api/coordinators/${made.id}/disable`, {}));
    expect([(await temporary.get(`/api/region/figures?${PERIOD}`)).status, (await temporary.get(`/api/region/figures?${PERIOD}`)).body.code]).toEqual([401, 'account-disabled']);
    await ok(system.post(`/api/coordinators/${made.id}/enable`, {}));
    expect((await temporary.get(`/api/region/figures?${PERIOD}`)).status).toBe(200);
  });

  it('reads write nothing', async () => {
    const before: RecordedEvent[] = await app.store.readAll();
    await ok(coordinator.get(`/api/region/figures?${PERIOD}`));
    await ok(system.get('/api/organisations'));
    await ok(system.get('/api/regions'));
    await ok(system.get('/api/coordinators'));
    expect((await app.store.readAll()).length).toBe(before.length);
  });
});
