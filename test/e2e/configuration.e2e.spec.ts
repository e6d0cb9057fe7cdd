import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runToExit } from './support/server-process';

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');

function cli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, EVENTSTORE_CONNECTION_STRING: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * A wrong setting or command line stops the process before it opens, listens or writes anything,
 * with a Russian message naming what is wrong (the issue: TIME_ZONE=Europe/Moskva started, reported
 * ready and answered 500; `--formt xlsx --out r.xlsx` wrote JSON into r.xlsx).
 */
describe('refused configuration and command lines (built processes)', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: \`npm test\` builds it first (npm run build).`);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorship-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['TIME_ZONE', 'Europe/Moskva', 'TIME_ZONE=Europe/Moskva: неизвестный часовой пояс; нужен пояс из базы IANA, например Europe/Moscow'],
    ['RESERVATION_GRACE_MS', 'abc', 'RESERVATION_GRACE_MS=abc: нужно целое число миллисекунд, не меньше 0'],
  ])('the server refuses to start on %s=%s, before it opens the store or listens', async (name, value, message) => {
    const data = join(dir, 'data');
    const r = await runToExit({ [name]: value, DATA_DIR: data, PORT: String(await freePort()) });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Не удалось запустить сервер');
    expect(r.stderr).toContain(message);
    expect(r.stdout).not.toContain('Сервер наставничества');
    expect(existsSync(data)).toBe(false);
  });

  it('the cluster refuses once, naming every wrong value, and starts no API process', async () => {
    const r = await runToExit({ TIME_ZONE: 'Europe/Moskva', API_PROCESSES: '0', DATA_DIR: join(dir, 'data'), PORT: String(await freePort()) }, 'cluster');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Не удалось запустить кластер');
    expect(r.stderr).toContain('TIME_ZONE=Europe/Moskva: неизвестный часовой пояс');
    expect(r.stderr).toContain('API_PROCESSES=0: нужно целое число процессов, не меньше 1');
    expect(r.stdout).not.toContain('API process');
  });

  it('the CLI refuses a mistyped flag with exit code 2 and writes no file', async () => {
    const r = await cli(dir, { DATA_DIR: join(dir, 'data') }, 'report', '--from', '2026-01-01', '--to', '2026-12-31', '--formt', 'xlsx', '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Неизвестный флаг --formt (может быть, --form или --format?)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the CLI refuses a flag without its value with exit code 2, and a wrong setting with 1', async () => {
    const missing = await cli(dir, { DATA_DIR: join(dir, 'data') }, 'verify', '--statement');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('Флагу --statement нужно значение: --statement <файл.html>.') });
    const wrong = await cli(dir, { DATA_DIR: join(dir, 'data'), PROJECTIONS: 'sometimes' }, 'rebuild');
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('PROJECTIONS=sometimes: допустимо thread, inline или off') });
    expect(readdirSync(dir)).toEqual([]);
  });
});
