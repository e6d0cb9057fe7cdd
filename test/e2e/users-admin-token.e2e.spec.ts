import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess, strongAdminToken } from './support/server-process';

jest.setTimeout(60_000);

/** The built server (`npm run build`) refuses to start with a weak ADMIN_TOKEN and says why in Russian. */
describe('ADMIN_TOKEN strength at start', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorship-admin-token-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each([['1'], ['mt_test_admin_token_for_kill_test'], ['a'.repeat(64)]])('ADMIN_TOKEN=%j: no start, exit 1, a Russian reason', async (token) => {
    const server = new ServerProcess(await freePort(), { DATA_DIR: dataDir(), ADMIN_TOKEN: token });
    // Named with every other wrong variable, its value hidden.
    await expect(server.start()).rejects.toThrow(/Не удалось запустить сервер: [\s\S]*ADMIN_TOKEN=\(значение скрыто\): слишком|Не удалось запустить сервер: [\s\S]*ADMIN_TOKEN=\(значение скрыто\): похож на заготовку/);
    expect(server.exitCode).toBe(1);
    expect(server.output).not.toContain(token.length > 1 ? token : '\u0000');
  });

  it('a strong ADMIN_TOKEN starts and is the administrator', async () => {
    const token = strongAdminToken();
    const server = new ServerProcess(await freePort(), { DATA_DIR: dataDir(), ADMIN_TOKEN: token });
    try {
      await server.start();
      const r = await fetch(`${server.baseUrl}/api/users`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
