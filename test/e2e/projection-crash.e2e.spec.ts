import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { readCheckpoint, activeGeneration, createProjections, ReadModelDatabase, rebuild } from '#libs/projections';
import { dumpGeneration, writeSyntheticLog } from '#testing/projections';
import { CLOCK_START, testClock } from '../support/test-clock';

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');
const projections = createProjections('Europe/Moscow');

/**
 * The projector as its own process (`npm run cli -- project`) on a data directory, SIGKILLed in
 * the middle of catching up and started again: its read models end equal to a rebuild, because
 * each batch's rows and checkpoint commit together.
 */
describe('projections: kill -9 of the projector process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-projector-kill-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), now: testClock.now });
  const children: ChildProcess[] = [];

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: \`npm test\` builds it first (npm run build).`);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const projector = () => {
    const child = spawn(process.execPath, [CLI, 'project'], {
      env: { ...process.env, DATA_DIR: dir, TIME_ZONE: 'Europe/Moscow', EVENTSTORE_CONNECTION_STRING: '', CLOCK_START },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  const projected = (db: ReadModelDatabase): number => {
    const g = activeGeneration(db);
    return g === null ? 0 : Math.min(...projections.map((p) => readCheckpoint(db, g, p.name).events));
  };
  const until = async (check: () => boolean, ms: number) => {
    for (const deadline = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 5))) {
      if (Date.now() > deadline) throw new Error('timed out');
    }
  };

  it('restarts from its checkpoint and ends equal to a rebuild', async () => {
    const total = await writeSyntheticLog(store, { mentorships: 10_000, maxEvents: 120_000 });
    const file = join(dir, 'readmodels.sqlite');

    const first = projector();
    await until(() => existsSync(file), 20_000);
    const live = new ReadModelDatabase({ file });
    await until(() => projected(live) > 0, 20_000);
    await new Promise((r) => setTimeout(r, Math.random() * 200));
    first.kill('SIGKILL');
    await exited(first);
    const atKill = projected(live);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(total);

    const second = projector();
    await until(() => projected(live) === total, 60_000);
    second.kill('SIGTERM');
    await exited(second);
    expect(second.exitCode).toBe(0);

    const rebuilt = new ReadModelDatabase({ file: join(dir, 'rebuilt.sqlite') });
    const r = await rebuild(store, rebuilt, projections);
    expect(r.events).toBe(total);
    expect(dumpGeneration(live, activeGeneration(live)!, projections)).toEqual(dumpGeneration(rebuilt, r.generation, projections));
    live.close();
    rebuilt.close();
  }, 120_000);
});
