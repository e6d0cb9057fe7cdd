import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../apps/api/src/main.js');
export const ADMIN_TOKEN = 'mt_bench_admin_token_loopback_only';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The built server (`dist/apps/api/src/main.js`) as its own process on loopback, on a fresh data directory. */
export async function startServer(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-http-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Request logs go to /dev/null: writing them is part of the cost measured, reading them is not.
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, ADMIN_TOKEN, ORG_ID: 'bench' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${stderr}`);
    if (await fetch(`${baseUrl}/api/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
