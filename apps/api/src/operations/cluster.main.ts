import cluster, { type Worker } from 'node:cluster';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { adminTokenProblem } from '#libs/auth';
import { JsonLogger } from './json-logger';

/**
 * `npm run start:cluster` (`API_PROCESSES`, default one per core): several API processes on one port
 * and one projector process (`cli project`) beside them, on the same store. The multi-instance layout
 * of DESIGN.md on one machine: the API's event loop is the limit of one process, and the stores
 * serialise writers themselves (SQLite's write lock with IMMEDIATE transactions and expected
 * revisions, or EventStoreDB's), so nothing here coordinates writes.
 */
const logger = new JsonLogger();
const log = (msg: string, fields: Record<string, unknown> = {}) => logger.log({ msg, ...fields }, 'cluster');

// Each API process would refuse it and be restarted every second: the cluster refuses it once, up front.
const weakAdminToken = process.env.ADMIN_TOKEN ? adminTokenProblem(process.env.ADMIN_TOKEN) : undefined;
if (weakAdminToken) {
  process.stderr.write(`Не удалось запустить сервер: ${weakAdminToken}\n`);
  process.exit(1);
}

const processes = Math.max(1, Number(process.env.API_PROCESSES || availableParallelism()));
/** `PROJECTIONS=off`: the operator runs the projector elsewhere (one for all instances). */
const ownProjector = process.env.PROJECTIONS !== 'off';
let stopping = false;
let projector: ChildProcess | undefined;
/** Replacements waiting for their second: cancelled by a stop, or a stopping cluster would start a process. */
const restarts = new Set<NodeJS.Timeout>();
const later = (start: () => void) => {
  const timer = setTimeout(() => (restarts.delete(timer), start()), 1000);
  restarts.add(timer);
};
/** Workers that have listened: only they can have requests in flight. */
const served = new WeakSet<Worker>();

cluster.setupPrimary({ exec: join(__dirname, '..', 'main.js') });

function startWorker(): Worker {
  const worker = cluster.fork({ PROJECTIONS: 'off' });
  worker.once('listening', () => served.add(worker));
  worker.once('exit', (code, signal) => {
    if (stopping) return;
    log('API process exited; starting another', { pid: worker.process.pid, code, signal });
    later(startWorker);
  });
  return worker;
}

function startProjector(): void {
  projector = fork(join(__dirname, '..', '..', '..', 'cli', 'src', 'main.js'), ['project'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  projector.once('exit', (code, signal) => {
    if (stopping) return;
    log('projector exited; starting another', { code, signal });
    later(startProjector);
  });
}

interface Child {
  pid: number | undefined;
  /** Whether ending by the signal itself is clean: a worker still starting has served nothing. */
  mayEndBySignal: boolean;
  kill(signal: NodeJS.Signals): unknown;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const timer of restarts) clearTimeout(timer);
  log('shutting down', { signal });
  const children: Child[] = [
    ...Object.values(cluster.workers ?? {}).map((w) => ({ pid: w!.process.pid, mayEndBySignal: !served.has(w!), kill: (s: NodeJS.Signals) => w!.process.kill(s), exited: exitOf(w!.process) })),
    ...(projector ? [{ pid: projector.pid, mayEndBySignal: false, kill: (s: NodeJS.Signals) => projector!.kill(s), exited: exitOf(projector) }] : []),
  ];
  // Each API process finishes its requests in flight and closes the store (graceful-shutdown.ts).
  for (const c of children) c.kill('SIGTERM');
  const ends = await Promise.all(children.map((c) => c.exited));
  const unclean = children.filter((c, i) => ends[i].code !== 0 && !(c.mayEndBySignal && ends[i].signal === 'SIGTERM'));
  log('stopped', { signal, children: children.map((c, i) => ({ pid: c.pid, ...ends[i] })) });
  process.exit(unclean.length === 0 ? 0 : 1);
}

const exitOf = (child: ChildProcess): Child['exited'] =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

// The first process alone, until it listens: on an empty store it creates the administrator once.
const first = startWorker();
first.once('listening', () => {
  for (let i = 1; i < processes; i++) startWorker();
  if (ownProjector) startProjector();
});
let listening = 0;
cluster.on('listening', (worker) => {
  if (++listening === processes) log('all API processes listening', { apiProcesses: processes, projector: ownProjector });
  else if (listening > processes) log('replacement API process listening', { pid: worker.process.pid });
});
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
