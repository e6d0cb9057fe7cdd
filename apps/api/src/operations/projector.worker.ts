import { parentPort, workerData } from 'node:worker_threads';
import { EsdbEventStore, SqliteEventStore } from '#libs/event-store';
import { PersonalDataStore, SqliteKeyStore } from '#libs/personal-data';
import { createProjections, LiveProjector, ReadModelDatabase } from '#libs/projections';
import type { ProjectorThreadData, ProjectorThreadMessage } from './projector-thread.service';

/**
 * The projector of `PROJECTIONS=thread`: the API's read models kept up to date on a thread of the
 * API process, off its event loop. Its own connections to the same log, keys and read models as
 * the API's, as the projector process of `cli project` opens them; it only reads the log.
 */
const { log: source, keysFile, readModelsFile, timeZone, viewCacheLimit, commits } = workerData as ProjectorThreadData;
const port = parentPort!;
const say = (m: ProjectorThreadMessage) => port.postMessage(m);
const log = 'file' in source ? new SqliteEventStore({ file: source.file, writer: 'inline' }) : new EsdbEventStore(source.connectionString);
const store = new PersonalDataStore(log, new SqliteKeyStore(keysFile));
const db = new ReadModelDatabase({ file: readModelsFile, cacheMb: 16 });
const live = new LiveProjector(store, db, createProjections(timeZone), {
  log: (message) => say({ kind: 'log', message }),
  onCommit: () => say({ kind: 'batch' }),
  viewCacheLimit,
});
let stopping = false;
/** ES2024's `Atomics.waitAsync` (in Node since 16), which this TypeScript's library does not declare yet. */
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

/** The API counts its commits to the embedded log in `commits`: each change wakes the subscription at once, not at its next poll. */
async function followCommits(): Promise<void> {
  if (!(log instanceof SqliteEventStore)) return;
  let seen = Atomics.load(commits, 0);
  while (!stopping) {
    Atomics.store(commits, 1, 1);
    const wait = waitAsync(commits, 0, seen);
    if (wait.async) await wait.value;
    seen = Atomics.load(commits, 0);
    log.wakeSubscriptions();
  }
}

port.on('message', (m: 'stop') => {
  if (m !== 'stop' || stopping) return;
  stopping = true;
  Atomics.add(commits, 0, 1);
  Atomics.notify(commits, 0);
  void (async () => {
    await live.stop();
    db.close();
    await store.close();
    say({ kind: 'stopped' });
    port.close();
  })();
});

live.start();
void followCommits();
