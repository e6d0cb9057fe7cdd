import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { SqliteEventStore, StoreUnavailableError } from '#libs/event-store';
import { ApiClient, type ApiResponse } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp } from '../e2e/support/test-app';
import { makeReadOnly } from './support/read-only-path';
import { testClock } from '../support/test-clock';

const RUSSIAN = /[А-Яа-яЁё]/;

/**
 * The store's file or directory is read-only when the server starts (a wrong restore, a read-only
 * mount): steps are refused with a clear 503 problem and nothing is written; with a read-only file
 * reading goes on, and once the file is writable again the same process writes again; with a
 * read-only directory SQLite cannot open the file at all, and the store says why instead of starting.
 */
describe('fault: read-only data file or directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-read-only-'));
  const file = join(dir, 'events.sqlite');
  let curatorToken: string;
  let id: string;
  let revision: number;

  beforeAll(async () => {
    const app = await startTestApp({ store: new SqliteEventStore({ file, now: testClock.now }) });
    const curator = await app.user(['curator']);
    curatorToken = curator.token!;
    const mentor = await hire(app, curator, 'Наставник Только-Чтение', 'mentor');
    const mentee = await hire(app, curator, 'Наставляемая Только-Чтение', 'mentee');
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    revision = (await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'С' })).body.revision;
    await app.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The app on an existing store (startTestApp wants a fresh one). */
  async function restart(): Promise<{ curator: ApiClient; close: () => Promise<void> }> {
    const store = new SqliteEventStore({ file, now: testClock.now });
    const app: INestApplication = await createApp({ store, clock: testClock }, false);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return { curator: new ApiClient(`http://127.0.0.1:${port}`, curatorToken), close: async () => (await app.close(), await store.close()) };
  }

  const consentOfMentee = (curator: ApiClient, mentee: string) =>
    curator.step(id, 'consent', { personId: mentee, given: true, date: '2026-09-11', documentRef: 'С-2' });

  it('read-only file: reads served, steps 503 store-read-only, writes resume once writable', async () => {
    const undo = makeReadOnly(file);
    const { close, curator } = await restart();
    try {
      const got = await curator.get(`/api/mentorships/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.revision).toBe(revision);
      const mentee = got.body.mentees[0].personId as string;

      const refused = await consentOfMentee(curator, mentee);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'store-read-only', status: 503 });
      expect(refused.body.detail).toMatch(RUSSIAN);
      expect((await curator.get(`/api/mentorships/${id}`)).body.revision).toBe(revision);

      undo();
      let r: ApiResponse = refused;
      for (let i = 0; i < 40 && r.status === 503; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        r = await consentOfMentee(curator, mentee);
      }
      expect(r.status).toBe(200);
      expect(r.body.revision).toBe(revision + 1);
    } finally {
      await close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').get(`mentorship-${id}`) as { n: number }).n).toBe(revision + 2);
    db.close();
  });

  it('read-only directory: the store refuses to open with a Russian reason, and touches nothing', async () => {
    // A store closed cleanly by a writable connection leaves no -wal/-shm behind: SQLite would have to create them.
    // (The app of beforeAll also left its personal-data key store beside it; that file is not the event store's.)
    await new SqliteEventStore({ file }).close();
    const before = readdirSync(dir).sort();
    expect(before.filter((name) => name.startsWith('events.sqlite'))).toEqual(['events.sqlite']);
    const undo = makeReadOnly(dir);
    try {
      let error: unknown;
      try {
        new SqliteEventStore({ file });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ reason: 'read-only' });
      expect((error as Error).message).toMatch(/только для чтения/);
    } finally {
      undo();
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
