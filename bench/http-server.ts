import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminTokenProblem } from '#libs/kernel/config';

const DIST = join(__dirname, '..');
const MAIN = join(DIST, 'apps/api/src/main.js');
const CLUSTER = join(DIST, 'apps/api/src/operations/cluster.main.js');
const CLI = join(DIST, 'apps/cli/src/main.js');
/**
 * The Node flags `npm start` gives the server (package.json's `start` script, between `node` and the
 * entry point): the bench measures the server as it is started, not a bare `node`. `start:cluster`
 * has the same, and its API and projector processes inherit them; `npm run cli -- project` has none.
 */
export function startFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const m = /\bnode((?: --\S+)*) dist\/apps\/api\/src\/main\.js/.exec(scripts.start);
  if (!m) throw new Error('package.json: no `node [flags] dist/apps/api/src/main.js` in the start script');
  return m[1].split(' ').filter(Boolean);
}

/** Random each run: the server refuses a weak ADMIN_TOKEN. */
export const ADMIN_TOKEN = strongToken();

function strongToken(): string {
  for (;;) {
    const token = `mt_${randomBytes(32).toString('base64url')}`;
    if (!adminTokenProblem(token)) return token;
  }
}

/** How the server runs: as `npm start` (one process, the projector on a thread of it), or the layouts for more load. */
export type Layout =
  /** One process: the projector on a worker thread (`thread`, as `npm start`) or on the event loop (`inline`). */
  | { kind: 'single'; projections: 'thread' | 'inline' }
  /** One API process with `PROJECTIONS=off` and `npm run cli -- project` beside it. */
  | { kind: 'single'; projections: 'own-process' }
  /** `start:cluster`: `processes` API processes on one port and their projector process. */
  | { kind: 'cluster'; processes: number };

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A process and every process below it, depth first (Linux `/proc`; a process gone meanwhile has no children). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  } catch {
    /* gone, or not Linux */
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU seconds (user + system) of a process and every process below it (`undefined` where `/proc` cannot tell). */
export function cpuSecondsOfTree(pid: number): number | undefined {
  try {
    const ticks = (p: number): number => {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    return processTree(pid).reduce((sum, p) => sum + ticks(p), 0) / 100;
  } catch {
    return undefined;
  }
}

/** The built server as its own process(es) on loopback, on a fresh data directory. */
export async function startServer(layout: Layout = { kind: 'single', projections: 'thread' }, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-http-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const fullEnv = {
    ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, ADMIN_TOKEN, ORG_ID: 'bench',
    ...(layout.kind === 'single' ? { PROJECTIONS: layout.projections === 'own-process' ? 'off' : layout.projections } : { API_PROCESSES: String(layout.processes), PROJECTIONS: 'inline' }),
  };
  // Request logs go to a pipe that is drained and dropped: writing them is part of the cost measured, reading them is not.
  const child: ChildProcess = spawn(process.execPath, [...startFlags(), ...nodeArgs, layout.kind === 'cluster' ? CLUSTER : MAIN], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let allListening = layout.kind !== 'cluster';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', (d: Buffer) => {
    if (!allListening && d.includes('all API processes listening')) allListening = true;
  });
  const projector = layout.kind === 'single' && layout.projections === 'own-process'
    ? spawn(process.execPath, [CLI, 'project'], { env: fullEnv, stdio: ['ignore', 'ignore', 'inherit'] })
    : undefined;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${stderr}`);
    if (allListening && (await fetch(`${baseUrl}/api/health/ready`).then((r) => r.ok, () => false))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const stopped = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')));
  return {
    baseUrl,
    /** CPU seconds used so far by the server and the projector (all their threads and processes). */
    cpuSeconds(): number | undefined {
      const server = cpuSecondsOfTree(child.pid!);
      const own = projector ? cpuSecondsOfTree(projector.pid!) : 0;
      return server === undefined || own === undefined ? undefined : server + own;
    },
    pid: child.pid!,
    projectorPid: projector?.pid,
    async stop() {
      await Promise.all([stopped(child), ...(projector ? [stopped(projector)] : [])]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
