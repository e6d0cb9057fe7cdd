import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, EVENT_STORE, type EventStore } from '#libs/event-store';
import { UsersService } from '#libs/auth';
import { LiveProjector, createProjections, ReadModelDatabase } from '#libs/projections';
import { createApp } from '../../apps/api/src/create-app';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { testClock } from '../support/test-clock';

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

/**
 * The API with `PROJECTIONS=off` and no projector beside it: the lag grows, shows in the metrics,
 * and readiness fails past `READY_MAX_PROJECTION_LAG_SECONDS`; once a projector (another process's
 * role, here on its own connection to the same file) catches up, the server is ready again.
 */
describe('projection lag: metrics and readiness', () => {
  let dir: string;
  let store: SqliteEventStore;
  let app: INestApplication;
  let anonymous: ApiClient;
  let curator: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-lag-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), now: testClock.now });
    const config = { READY_MAX_PROJECTION_LAG_SECONDS: 0.3 };
    app = await createApp({ store, clock: testClock, config, projections: { mode: 'off', file: join(dir, 'readmodels.sqlite') } }, false);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    anonymous = new ApiClient(base);
    const admin = new ApiClient(base, (await app.get(UsersService).bootstrapAdmin())!);
    curator = new ApiClient(base, (await admin.post('/api/users', { name: 'Куратор', roles: ['curator'] })).body.token);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ready = () => anonymous.get('/api/health/ready');
  const metrics = async () => (await anonymous.request('GET', '/api/metrics')).body as string;

  it('is ready while nothing the projections read is pending', async () => {
    expect((await ready()).status).toBe(200);
    expect(metric(await metrics(), 'projection_lag_events')).toBe(0);
  });

  it('fails readiness once unprojected events are older than the threshold, and recovers when a projector catches up', async () => {
    for (const name of ['Иванова Мария Петровна', 'Петрова Анна Сергеевна']) {
      expect((await curator.post('/api/people', { fullName: name, position: 'Воспитатель', firstWorkingDay: '2020-09-01' })).status).toBe(201);
    }

    const refused = await eventually(ready, (r) => r.status !== 200, 10_000, 100);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'projections-behind', detail: expect.stringContaining('отстают от журнала событий') });
    const behind = await metrics();
    expect(metric(behind, 'projection_lag_events')).toBe(2);
    expect(metric(behind, 'projection_lag_seconds')).toBeGreaterThan(0.3);

    const db = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
    // The log as the app reads it (through whatever codec the app puts over the adapter), as `cli project` would.
    const projector = new LiveProjector(app.get<EventStore>(EVENT_STORE), db, createProjections('Europe/Moscow'));
    projector.start();
    try {
      expect((await eventually(ready, (r) => r.status === 200, 10_000, 100)).status).toBe(200);
      const caughtUp = await metrics();
      expect(metric(caughtUp, 'projection_lag_events')).toBe(0);
      expect(metric(caughtUp, 'projection_lag_seconds')).toBe(0);
    } finally {
      await projector.stop();
      db.close();
    }
  });
});
