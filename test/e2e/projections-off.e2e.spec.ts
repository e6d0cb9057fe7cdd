import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SqliteEventStore } from '#libs/event-store';
import { UsersService } from '#libs/auth';
import { createApp } from '../../apps/api/src/create-app';
import { ApiClient } from './support/api-client';
import { testClock } from '../support/test-clock';

/**
 * With `PROJECTIONS=off` the API runs no projector (a separate process does): a query that asks
 * for a position nobody projects waits its bounded time and answers `stale: true`.
 */
describe('read-your-writes when no projector runs', () => {
  let app: INestApplication;
  let store: SqliteEventStore;
  let curator: ApiClient;

  beforeAll(async () => {
    store = new SqliteEventStore({ file: ':memory:', now: testClock.now });
    app = await createApp({ store, clock: testClock, projections: { mode: 'off', waitMs: 300 } }, false);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const admin = new ApiClient(base, (await app.get(UsersService).bootstrapAdmin())!);
    curator = new ApiClient(base, (await admin.post('/api/users', { name: 'Куратор', roles: ['curator'] })).body.token);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers after the bounded wait with stale: true, and the lag shows in health', async () => {
    const person = await curator.post('/api/people', { fullName: 'Иванова Мария Петровна', position: 'Воспитатель', firstWorkingDay: '2020-09-01' });
    expect(person.body.position).toMatch(/^\d+\/\d+$/);
    const started = Date.now();
    const r = await curator.get(`/api/banks/mentors?after=${person.body.position}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ items: [], stale: true, position: null });
    expect(r.headers.get('x-read-model-stale')).toBe('true');
    const health = await new ApiClient(curator.baseUrl).get('/api/health/projections');
    expect(health.body).toMatchObject({ status: 'catching-up', mode: 'off' });
    expect(health.body.projections.find((p: any) => p.projection === 'people').behind).toBe(1);
  });
});
