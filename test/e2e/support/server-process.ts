import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { adminTokenProblem } from '#libs/kernel/config';
import { CLOCK_START } from '../../support/test-clock';

const MAIN = join(__dirname, '../../../dist/apps/api/src/main.js');
const CLUSTER = join(__dirname, '../../../dist/apps/api/src/operations/cluster.main.js');

/** An ADMIN_TOKEN the server accepts: random, drawn again in the rare case it spells a placeholder word. */
export function strongAdminToken(): string {
  for (;;) {
    const token = `mt_${randomBytes(32).toString('base64url')}`;
    if (!adminTokenProblem(token)) return token;
  }
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The built server (`npm run build`) as a real child process, to be killed with SIGKILL. */
export class ServerProcess {
  private child?: ChildProcess;
  output = '';

  constructor(readonly port: number, readonly env: Record<string, string>) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, CLOCK_START, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health/ready`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready: ${this.output}`);
  }

  /** How the last run ended: its exit code, or null while running or when a signal ended it. */
  get exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  kill9(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

/**
 * Runs the built server (or the cluster) to its exit, for starts that must be refused: its exit code and
 * what it wrote. Fails when it is still running after `ms` (it would have started).
 */
export function runToExit(env: Record<string, string>, entry: 'server' | 'cluster' = 'server', ms = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [entry === 'server' ? MAIN : CLUSTER], { env: { ...process.env, CLOCK_START, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${ms} ms: ${stdout}${stderr}`));
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
