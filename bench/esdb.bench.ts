import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from '#libs/event-store';
import type { Bench } from './bench.types';
import { stepLoad, stepRows } from './step-load';

const STEPS = Number(process.env.BENCH_ESDB_STEPS || 10_000);
const stepsFor = (curators: number) => (curators === 1 ? Math.min(STEPS, 2_000) : STEPS);

/** The test double in a child process on a free port; `stop()` ends it. */
async function startDouble(): Promise<{ connectionString: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, 'esdb-double.child.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connectionString = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`the EventStoreDB double exited (${code})`)));
  });
  return {
    connectionString,
    stop: () => new Promise((resolve) => (child.once('exit', () => resolve()), child.stdin!.end())),
  };
}

/**
 * The command-bus step workload of `steps.bench` against the EventStoreDB adapter: on the gRPC test
 * double (a fresh one per case, in its own process), and on a real server when
 * `EVENTSTORE_CONNECTION_STRING` is set. Projections off, as in `steps`.
 */
const bench: Bench = async (log) => {
  const { rows, add } = stepRows('steps (EventStoreDB)', log);
  const levels = (process.env.BENCH_CURATORS || '1,16,256').split(',').map(Number);
  // The personal-data keys of a non-embedded store live in a file of their own: a throwaway one here.
  const keys = mkdtempSync(join(tmpdir(), 'mentorship-bench-esdb-'));
  const config = { KEYSTORE_FILE: join(keys, 'keys.sqlite') };
  try {
    for (const curators of levels) {
      const double = await startDouble();
      try {
        add(`test double, ${curators} curators`, await stepLoad(curators, { store: new EsdbEventStore(double.connectionString), steps: stepsFor(curators), config }), {},
          curators === 1 ? 'gRPC double (test/esdb-double) in its own process; in-memory, no fsync' : undefined);
      } finally {
        await double.stop();
      }
    }
    const real = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
    if (!real) {
      log('EVENTSTORE_CONNECTION_STRING is not set: no real EventStoreDB server measured');
      return rows;
    }
    for (const curators of levels) {
      add(`server, ${curators} curators`, await stepLoad(curators, { store: new EsdbEventStore(real), steps: stepsFor(curators), config }), {},
        curators === 1 ? 'EVENTSTORE_CONNECTION_STRING' : undefined);
    }
    return rows;
  } finally {
    rmSync(keys, { recursive: true, force: true });
  }
};

export default bench;
