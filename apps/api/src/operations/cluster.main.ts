import cluster, { type Worker } from 'node:cluster';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
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

const processes = Math.max(1, Number(process.env.API_PROCESSES || availableParallelism()));
/** `PROJECTIONS=off`: the operator runs the projector elsewhere (one for all instances). */
const ownProjector = process.env.PROJECTIONS !== 'off';
let stopping = false;
let projector: ChildProcess | undefined;

cluster.setupPrimary({ exec: join(__dirname, '..', 'main.js') });

function startWorker(): Worker {
  const worker = cluster.fork({ PROJECTIONS: 'off' });
  worker.once('exit', (code, signal) => {
    if (stopping) return;
    log('API process exited; starting another', { pid: worker.process.pid, code, signal });
    setTimeout(startWorker, 1000);
  });
  return worker;
}

function startProjector(): void {
  projector = fork(join(__dirname, '..', '..', '..', 'cli', 'src', 'main.js'), ['project'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  projector.once('exit', (code, signal) => {
    if (stopping) return;
    log('projector exited; starting another', { code, signal });
    setTimeout(startProjector, 1000);
  });
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('shutting down', { signal });
  const children: { kill(signal: NodeJS.Signals): unknown; exited: Promise<number | null> }[] = [
    ...Object.values(cluster.workers ?? {}).map((w) => ({ kill: (s: NodeJS.Signals) => w!.process.kill(s), exited: exitOf(w!.process) })),
    ...(projector ? [{ kill: (s: NodeJS.Signals) => projector!.kill(s), exited: exitOf(projector) }] : []),
  ];
  // Each API process finishes its requests in flight and closes the store (graceful-shutdown.ts).
  for (const c of children) c.kill('SIGTERM');
  const codes = await Promise.all(children.map((c) => c.exited));
  log('stopped', { signal });
  process.exit(codes.every((c) => c === 0) ? 0 : 1);
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

// The first process alone, until it listens: on an empty store it creates the administrator once.
const first = startWorker();
first.once('listening', () => {
  for (let i = 1; i < processes; i++) startWorker();
  if (ownProjector) startProjector();
});
let listening = 0;
cluster.on('listening', () => {
  if (++listening === processes) log('all API processes listening', { apiProcesses: processes, projector: ownProjector });
});
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
