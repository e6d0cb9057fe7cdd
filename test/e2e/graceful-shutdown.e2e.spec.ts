import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { ApiClient } from './support/api-client';
import { freePort, ServerProcess, strongAdminToken } from './support/server-process';

const MAIN = join(__dirname, '../../dist/apps/api/src/main.js');
const MENTORSHIPS = 24;

/**
 * SIGTERM under load: the server stops taking connections, finishes the steps in flight, closes the
 * store and exits 0; every step answered 2xx is in the store, and no request got a 5xx on the way.
 */
describe('graceful shutdown: SIGTERM under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-sigterm-'));
  const token = strongAdminToken();
  let server: ServerProcess;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: \`npm test\` builds it first (npm run build).`);
    server = new ServerProcess(await freePort(), { DATA_DIR: dir, ADMIN_TOKEN: token, ORG_ID: 'sigterm-test' });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers or refuses every request in flight, keeps every 2xx, exits 0', async () => {
    const admin = new ApiClient(server.baseUrl, token);
    const curator = new ApiClient(server.baseUrl, (await admin.post('/api/users', { name: 'Куратор', roles: ['curator'] })).body.token);
    const head = new ApiClient(server.baseUrl, (await admin.post('/api/users', { name: 'Заведующий', roles: ['head'] })).body.token);
    const person = async (bank: 'mentor' | 'mentee') => {
      const id = (await curator.post('/api/people', { fullName: 'Сотрудник', position: 'Воспитатель', firstWorkingDay: '2025-09-01' })).body.id;
      await curator.post(`/api/people/${id}/consent`, { date: '2025-09-01', documentRef: 'ПДн' });
      await curator.post(`/api/${bank}-bank`, bank === 'mentor' ? { personId: id, competences: ['ФГОС'] } : { personId: id, requests: ['игра'] });
      return id as string;
    };
    const ids = await Promise.all(Array.from({ length: MENTORSHIPS }, async () => {
      const [mentor, mentee] = await Promise.all([person('mentor'), person('mentee')]);
      const id = (await curator.post('/api/mentorships', {
        mentorId: mentor, menteeIds: [mentee], form: 'traditional', topic: 'Остановка', plannedStart: '2025-10-01', plannedEnd: '2026-03-31', date: '2025-09-10',
      })).body.id as string;
      for (const p of [mentor, mentee]) await curator.step(id, 'consent', { personId: p, given: true, date: '2025-09-11', documentRef: 'С' });
      await head.step(id, 'order', { number: '1-к', date: '2025-09-12' });
      return id;
    }));

    const acknowledged: { id: string; note: string }[] = [];
    const serverErrors: string[] = [];
    let refusedConnections = 0;
    const curatorLoop = async (id: string) => {
      for (let k = 0; ; k++) {
        const note = `${id}:${k}`;
        try {
          const r = await curator.step(id, 'request-replacement', { date: '2025-09-20', reason: 'other', note });
          if (r.status === 200) acknowledged.push({ id, note });
          else if (r.status >= 500) serverErrors.push(`${r.status} ${JSON.stringify(r.body)}`);
        } catch {
          refusedConnections++;
          return; // the server stopped listening
        }
      }
    };
    const loops = ids.map(curatorLoop);
    await new Promise((r) => setTimeout(r, 400));
    const sigterm = Date.now();
    const stopped = server.stop('SIGTERM');
    await Promise.all(loops);
    await stopped;

    const shutdownMs = Date.now() - sigterm;
    if (server.exitCode !== 0) throw new Error(`exit ${server.exitCode}: ${server.output.slice(-2000)}`);
    expect(serverErrors).toEqual([]);
    // The connections in flight end with their answers, not at the grace deadline.
    expect(shutdownMs).toBeLessThan(5_000);
    expect(refusedConnections).toBe(MENTORSHIPS);
    expect(acknowledged.length).toBeGreaterThan(MENTORSHIPS);
    expect(server.output).toContain('"msg":"stopped"');

    // The store was closed cleanly (no write-ahead log left to replay), and holds every acknowledged step.
    expect(existsSync(join(dir, 'events.sqlite-wal'))).toBe(false);
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    try {
      for (const id of ids) {
        const notes = new Set((await store.readStream(`mentorship-${id}`)).map((e) => (e.data as { note?: string }).note));
        const missing = acknowledged.filter((a) => a.id === id && !notes.has(a.note));
        expect(missing).toEqual([]);
      }
    } finally {
      await store.close();
    }
    await server.start();
    expect((await curator.get(`/api/mentorships/${ids[0]}`)).status).toBe(200);
  });
});
