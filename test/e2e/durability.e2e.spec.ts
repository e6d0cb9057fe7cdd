import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { freePort, ServerProcess, strongAdminToken } from './support/server-process';

const MAIN = join(__dirname, '../../dist/apps/api/src/main.js');

/**
 * Nothing acknowledged is lost: steps that returned 2xx survive a SIGKILL of the server in the
 * middle of a load, and nothing unacknowledged is left half-written.
 */
describe('durability: kill -9 of the server under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-kill-'));
  const token = strongAdminToken();
  let server: ServerProcess;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: \`npm test\` builds it first (npm run build).`);
    server = new ServerProcess(await freePort(), { DATA_DIR: dir, ADMIN_TOKEN: token, ORG_ID: 'kill-test' });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged step after SIGKILL and restart', async () => {
    const admin = new ApiClient(server.baseUrl, token);
    const curator = new ApiClient(server.baseUrl, (await admin.post('/api/users', { name: 'Куратор', roles: ['curator'] })).body.token);
    const hire = async (name: string, bank: 'mentor' | 'mentee') => {
      const id = (await curator.post('/api/people', { fullName: name, position: 'Воспитатель', firstWorkingDay: '2025-09-01' })).body.id;
      await curator.post(`/api/people/${id}/consent`, { date: '2025-09-01', documentRef: 'ПДн' });
      await curator.post(`/api/${bank}-bank`, bank === 'mentor' ? { personId: id, competences: ['ФГОС'] } : { personId: id, requests: ['игра'] });
      return id;
    };
    const mentors = await Promise.all(Array.from({ length: 20 }, (_, i) => hire(`Наставник ${i}`, 'mentor')));
    const mentees = await Promise.all(Array.from({ length: 60 }, (_, i) => hire(`Наставляемый ${i}`, 'mentee')));

    // Load: each mentor gets proposals and consents as fast as the server answers; record every 2xx.
    const acknowledged = new Map<string, number>();
    let stop = false;
    const worker = async (w: number) => {
      for (let k = 0; !stop; k++) {
        const menteeId = mentees[(w * 3 + k) % 60];
        try {
          const p = await curator.post('/api/mentorships', {
            mentorId: mentors[w], menteeIds: [menteeId], form: 'traditional', topic: `Нагрузка ${w}-${k}`,
            plannedStart: '2025-10-01', plannedEnd: '2026-03-31', date: '2025-09-10',
          });
          if (p.status !== 201) continue;
          acknowledged.set(p.body.id, 0);
          const c = await curator.post(`/api/mentorships/${p.body.id}/steps/consent`, { personId: mentors[w], given: true, date: '2025-09-11', documentRef: 'С' });
          if (c.status === 200) acknowledged.set(p.body.id, c.body.revision);
          const wd = await curator.post(`/api/mentorships/${p.body.id}/steps/withdraw`, { date: '2025-09-12', reason: 'нагрузка' });
          if (wd.status === 200) acknowledged.set(p.body.id, wd.body.revision);
        } catch {
          return; // connection reset by the kill
        }
      }
    };
    const workers = mentors.map((_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 600 + Math.floor(Math.random() * 400)));
    await server.kill9();
    stop = true;
    await Promise.all(workers);
    expect(acknowledged.size).toBeGreaterThan(10);

    await server.start();
    for (const [id, revision] of acknowledged) {
      const got = await curator.get(`/api/mentorships/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.revision).toBeGreaterThanOrEqual(revision);
    }
    // No mentor holds more than three mentees, even counting what was in flight at the kill.
    for (const m of mentors) expect((await curator.get(`/api/people/${m}`)).body.mentorLoad.current).toBeLessThanOrEqual(3);
  });
});
