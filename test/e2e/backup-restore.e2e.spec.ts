import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { freePort, ServerProcess, strongAdminToken } from './support/server-process';

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');

function cli(dataDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

/**
 * `cli backup` copies the embedded store while the server keeps writing; `cli restore` puts the copy
 * into an empty data directory, and a server started there serves the same mentorships and users.
 */
describe('operations: online backup and restore of the embedded store', () => {
  const root = mkdtempSync(join(tmpdir(), 'mentorship-backup-'));
  const [live, restored, backup] = [join(root, 'live'), join(root, 'restored'), join(root, 'backup.sqlite')];
  const token = strongAdminToken();
  const servers: ServerProcess[] = [];

  const server = async (dataDir: string) => {
    const s = new ServerProcess(await freePort(), { DATA_DIR: dataDir, ADMIN_TOKEN: token, ORG_ID: 'backup-test' });
    servers.push(s);
    await s.start();
    return s;
  };

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: \`npm test\` builds it first (npm run build).`);
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up under load, restores into an empty directory, and the restored server serves the same mentorships', async () => {
    const a = await server(live);
    const admin = new ApiClient(a.baseUrl, token);
    const curator = new ApiClient(a.baseUrl, (await admin.post('/api/users', { name: 'Куратор', roles: ['curator'] })).body.token);
    const person = async (bank: 'mentor' | 'mentee') => {
      const id = (await curator.post('/api/people', { fullName: 'Сотрудник', position: 'Воспитатель', firstWorkingDay: '2025-09-01' })).body.id;
      await curator.post(`/api/people/${id}/consent`, { date: '2025-09-01', documentRef: 'ПДн' });
      await curator.post(`/api/${bank}-bank`, bank === 'mentor' ? { personId: id, competences: ['ФГОС'] } : { personId: id, requests: ['игра'] });
      return id as string;
    };
    const propose = async () => {
      const [mentor, mentee] = [await person('mentor'), await person('mentee')];
      const id = (await curator.post('/api/mentorships', {
        mentorId: mentor, menteeIds: [mentee], form: 'traditional', topic: 'Копия', plannedStart: '2025-10-01', plannedEnd: '2026-03-31', date: '2025-09-10',
      })).body.id as string;
      await curator.step(id, 'consent', { personId: mentor, given: true, date: '2025-09-11', documentRef: 'С' });
      return id;
    };
    const settled = [await propose(), await propose(), await propose()];
    const before = await Promise.all(settled.map(async (id) => (await curator.get(`/api/mentorships/${id}`)).body));

    // Writes go on while the backup is taken: it must neither wait for them nor catch half of one.
    let writing = true;
    let written = 0;
    const load = Promise.all(Array.from({ length: 4 }, async () => {
      while (writing) {
        const r = await curator.post('/api/people', { fullName: 'Новый сотрудник', position: 'Помощник воспитателя', firstWorkingDay: '2025-09-01' });
        if (r.status === 201) written++;
      }
    }));
    const made = await cli(live, 'backup', backup);
    writing = false;
    await load;
    expect(made).toMatchObject({ code: 0, output: expect.stringContaining('Резервная копия сохранена') });
    expect(written).toBeGreaterThan(0);
    expect((await cli(live, 'backup', backup)).code).not.toBe(0); // never overwrites

    expect(await cli(restored, 'restore', backup)).toMatchObject({ code: 0, output: expect.stringContaining('Восстановлено событий') });
    expect((await cli(restored, 'restore', backup)).output).toMatch(/уже есть события|модели чтения/);
    await a.stop();

    const b = await server(restored);
    const again = new ApiClient(b.baseUrl, curator.token);
    for (const [i, id] of settled.entries()) {
      const got = await again.get(`/api/mentorships/${id}`);
      expect(got.status).toBe(200);
      expect({ state: got.body.state, revision: got.body.revision, mentor: got.body.mentor, consents: got.body.consents })
        .toEqual({ state: before[i].state, revision: before[i].revision, mentor: before[i].mentor, consents: before[i].consents });
    }
  });

  it('refuses a file that is not a store, and says so in Russian', async () => {
    const junk = join(root, 'junk.sqlite');
    writeFileSync(junk, 'это не база данных');
    const r = await cli(join(root, 'empty'), 'restore', junk);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/не читается как хранилище событий|повреждён/);
    expect(existsSync(join(root, 'empty', 'events.sqlite'))).toBe(false);
  });
});
