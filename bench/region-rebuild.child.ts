import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { createProjections, ReadModelDatabase, rebuild } from '#libs/projections';

/**
 * A rebuild of every read model from `<dir>/events.sqlite` into `<dir>/readmodels.sqlite`, alone in its
 * process, so its peak resident memory is the rebuild's. Prints one JSON line.
 */
async function main(dir: string) {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const db = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
  const r = await rebuild(store, db, createProjections('Europe/Moscow'));
  db.close();
  await store.close();
  process.stdout.write(`${JSON.stringify({ events: r.events, seconds: r.seconds, eventsPerSecond: r.eventsPerSecond, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
