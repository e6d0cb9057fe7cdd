import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import type { ApiClient, ApiResponse } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { mountSmallDisk, type SmallDisk } from './support/small-disk';
import { testClock } from '../support/test-clock';

const disk = mountSmallDisk(8 * 1024);
const RUSSIAN = /[А-Яа-яЁё]/;

/**
 * The data directory's filesystem fills up under a running server: steps are refused with a clear
 * 503 problem, reading goes on, nothing half-written stays, and once the operator frees space the
 * same process writes again.
 */
(disk ? describe : describe.skip)('fault: disk full under a running server (a real, tiny tmpfs; needs root to mount)', () => {
  const d = disk as SmallDisk;
  const file = join(d.dir, 'events.sqlite');
  let app: TestApp;
  let curator: ApiClient;
  let id: string;
  let acknowledged = 0;

  const step = (note: string) => curator.step(id, 'request-replacement', { date: '2026-09-20', reason: 'other', note });
  const revision = async () => (await curator.get(`/api/mentorships/${id}`)).body.revision as number;

  function expectStoreRefusal(r: ApiResponse, code: string) {
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 503, code });
    expect(r.body.detail).toMatch(RUSSIAN);
  }

  beforeAll(async () => {
    app = await startTestApp({ store: new SqliteEventStore({ file, now: testClock.now }) });
    curator = await app.user(['curator']);
    const head = await app.user(['head']);
    const mentor = await hire(app, curator, 'Наставник Диск', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемая Диск', 'mentee');
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    for (const p of [mentor.id, mentee.id]) await curator.step(id, 'consent', { personId: p, given: true, date: '2026-09-11', documentRef: 'С' });
    await head.step(id, 'order', { number: '1-к', date: '2026-09-12' });
    acknowledged = await revision();
  });
  afterAll(async () => {
    await app?.close();
    d.unmount();
  });

  it('disk full: 503 store-disk-full, reads still served, writes resume once space is freed', async () => {
    d.fill();
    let refused: ApiResponse | undefined;
    for (let i = 0; i < 500 && !refused; i++) {
      const r = await step(`Запись ${i}: ${'т'.repeat(1500)}`);
      if (r.status === 200) acknowledged = r.body.revision;
      else refused = r;
    }
    expect(refused).toBeDefined();
    expectStoreRefusal(refused!, 'store-disk-full');
    expect(await revision()).toBe(acknowledged);
    expect((await step('ещё раз')).status).toBe(503);
    expect(await (await fetch(`${app.baseUrl}/api/metrics`)).text()).toMatch(/event_store_errors_total\{reason="disk-full"\} [1-9]/);

    d.free();
    const after = await step('место освободили');
    expect(after.status).toBe(200);
    acknowledged = after.body.revision;
    expect(await revision()).toBe(acknowledged);
  });

  it('leaves the store intact: integrity check passes, exactly the acknowledged steps are there', async () => {
    await app.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = db.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').get(`mentorship-${id}`) as { n: number };
      expect(n).toBe(acknowledged + 1);
    } finally {
      db.close();
    }
    app = undefined as unknown as TestApp;
  });
});
