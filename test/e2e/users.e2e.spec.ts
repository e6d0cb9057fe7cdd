import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { ACCOUNT_RECHECK_MS, UsersService } from '#libs/auth';
import { createApp } from '../../apps/api/src/create-app';
import { movableClockAt, testClock } from '../support/test-clock';
import { ApiClient } from './support/api-client';
import { RAISED_RATE_LIMITS, startTestApp, TODAY, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** Accounts can be taken back (issue 15, finding 2): list, disable, enable, rotate, expiry, and other processes on the same store. */
describe('accounts over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const create = async (roles: string[], name = 'Куратор Тестовая') => {
    const r = await app.admin.post('/api/users', { name, roles });
    expect(r.status).toBe(201);
    return { id: r.body.id as string, client: app.as(r.body.token) };
  };

  it('the administrator lists the accounts of the organisation with their state and token expiry', async () => {
    const { id } = await create(['curator'], 'Список Проверочный');
    const r = await app.admin.get('/api/users');
    expect(r.status).toBe(200);
    const row = r.body.items.find((u: { userId: string }) => u.userId === id);
    // Default TOKEN_TTL_DAYS=180 from the test clock's today.
    expect(row).toMatchObject({ name: 'Список Проверочный', roles: ['curator'], state: 'active', disabledReason: null, tokenExpiresOn: '2027-05-23', tokenExpired: false });
    expect(JSON.stringify(r.body)).not.toContain('tokenHash');
  });

  it('only the administrator lists accounts', async () => {
    const { client } = await create(['curator']);
    expect(await client.get('/api/users')).toMatchObject({ status: 403, body: { code: 'role-not-allowed' } });
  });

  it('a disabled account gets 401 on its next request; enabled again, it works', async () => {
    const { id, client } = await create(['curator']);
    expect((await client.get('/api/session')).status).toBe(200);
    const disabled = await app.admin.post(`/api/users/${id}/disable`, {});
    expect(disabled).toMatchObject({ status: 200, body: { state: 'disabled', disabledReason: 'by-admin' } });
    const refused = await client.get('/api/session');
    expect(refused).toMatchObject({ status: 401, body: { code: 'account-disabled' } });
    expect(refused.body.detail).toMatch(/администратор/);
    expect(await app.admin.post(`/api/users/${id}/disable`, {})).toMatchObject({ status: 409, body: { code: 'account-already-disabled' } });
    expect(await app.admin.post(`/api/users/${id}/enable`, {})).toMatchObject({ status: 200, body: { state: 'active' } });
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('a rotated token: the old value 401 at once, the new one 200', async () => {
    const { id, client } = await create(['curator']);
    expect((await client.get('/api/session')).status).toBe(200);
    const r = await app.admin.post(`/api/users/${id}/rotate-token`, {});
    expect(r).toMatchObject({ status: 200, body: { id, tokenExpiresOn: '2027-05-23' } });
    expect(r.body.token).toMatch(/^mt_/);
    expect(await client.get('/api/session')).toMatchObject({ status: 401, body: { code: 'token-revoked' } });
    expect((await app.as(r.body.token).get('/api/session')).status).toBe(200);
  });

  it('refuses with a Russian problem: another organisation, the own account, a stray field, a curator', async () => {
    const { id, client } = await create(['curator']);
    // An account of another organisation (made the way its own administrator would) neither lists nor exists here.
    const other = await app.nest.get(UsersService).create({ name: 'Чужая Организация', roles: ['curator'] }, { userId: 'system', orgId: 'other-org', roles: ['admin'] });
    expect((await app.admin.get('/api/users')).body.items.map((u: { userId: string }) => u.userId)).not.toContain(other.id);
    for (const action of ['disable', 'enable', 'rotate-token']) {
      expect(await app.admin.post(`/api/users/${other.id}/${action}`, {})).toMatchObject({ status: 404, body: { code: 'account-not-found' } });
    }
    expect((await app.as(other.token).get('/api/session')).status).toBe(200);
    expect(await app.admin.post('/api/users/no-such-account/disable', {})).toMatchObject({ status: 404, body: { code: 'account-not-found' } });
    expect(await app.admin.post(`/api/users/${id}/disable`, { reason: 'x' })).toMatchObject({ status: 400, body: { code: 'invalid-body' } });
    expect(await client.post(`/api/users/${id}/rotate-token`, {})).toMatchObject({ status: 403, body: { code: 'role-not-allowed' } });
    const session = (await app.admin.get('/api/session')).body;
    const own = await app.admin.post(`/api/users/${session.userId}/disable`, {});
    expect(own).toMatchObject({ status: 422, body: { code: 'own-account' } });
    expect(own.body.detail).toMatch(/[А-Яа-я]/);
  });
});

describe('token expiry (TOKEN_TTL_DAYS) by the app clock', () => {
  const clock = movableClockAt(TODAY);
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ clock, config: { TOKEN_TTL_DAYS: 30 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an expired token gets 401 saying to ask the administrator; a rotated one works again', async () => {
    const r = await app.admin.post('/api/users', { name: 'Истекающий Токен', roles: ['curator'] });
    const curator = app.as(r.body.token);
    expect((await curator.get('/api/session')).status).toBe(200);
    clock.advance(29 * DAY_MS);
    expect((await curator.get('/api/session')).status).toBe(200);
    // The administrator rotates their own token before it expires too.
    const admin = app.admin;
    const adminId = (await admin.get('/api/session')).body.userId;
    const fresh = await admin.post(`/api/users/${adminId}/rotate-token`, {});
    expect(fresh.status).toBe(200);
    clock.advance(1 * DAY_MS + 1000);
    const refused = await curator.get('/api/session');
    expect(refused).toMatchObject({ status: 401, body: { code: 'token-expired' } });
    expect(refused.body.detail).toMatch(/Попросите администратора выдать новый токен/);
    const newAdmin = app.as(fresh.body.token);
    const row = (await newAdmin.get('/api/users')).body.items.find((u: { userId: string }) => u.userId === r.body.id);
    expect(row).toMatchObject({ tokenExpired: true, state: 'active' });
    const rotated = await newAdmin.post(`/api/users/${r.body.id}/rotate-token`, {});
    expect((await app.as(rotated.body.token).get('/api/session')).status).toBe(200);
  });
});

describe('revocation reaches another API process on the same store', () => {
  let a: TestApp;
  let b: INestApplication;
  let bStore: SqliteEventStore;
  let bUrl: string;
  beforeAll(async () => {
    a = await startTestApp();
    // A second app on the same event file: another API process of a cluster.
    bStore = new SqliteEventStore({ file: join(a.dir, 'events.sqlite'), now: testClock.now });
    b = await createApp({ store: bStore, clock: testClock, config: RAISED_RATE_LIMITS }, false);
    await b.listen(0, '127.0.0.1');
    bUrl = `http://127.0.0.1:${(b.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await b?.close();
    await bStore?.close();
    await a?.close();
  });

  it(`a token disabled or replaced in one process is refused by the other within ${ACCOUNT_RECHECK_MS} ms`, async () => {
    const r = await a.admin.post('/api/users', { name: 'Два Процесса', roles: ['curator'] });
    const inB = new ApiClient(bUrl, r.body.token);
    expect((await inB.get('/api/session')).status).toBe(200);
    expect((await a.admin.post(`/api/users/${r.body.id}/disable`, {})).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_RECHECK_MS + 50));
    expect(await inB.get('/api/session')).toMatchObject({ status: 401, body: { code: 'account-disabled' } });

    expect((await a.admin.post(`/api/users/${r.body.id}/enable`, {})).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_RECHECK_MS + 50));
    expect((await inB.get('/api/session')).status).toBe(200);
    const rotated = await a.admin.post(`/api/users/${r.body.id}/rotate-token`, {});
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_RECHECK_MS + 50));
    expect(await inB.get('/api/session')).toMatchObject({ status: 401, body: { code: 'token-revoked' } });
    // The new token, unknown to B a moment ago, is found by its catch-up.
    expect((await new ApiClient(bUrl, rotated.body.token).get('/api/session')).status).toBe(200);
  });
});
