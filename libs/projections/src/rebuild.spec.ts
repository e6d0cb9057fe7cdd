import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { clockStartingAt } from '#libs/kernel';
import { activeGeneration, inactiveGenerations } from './generations';
import { LiveProjector } from './live-projector';
import { createProjections } from './projection-set';
import { ProjectionStatus } from './projection-status';
import { ReadModelDatabase } from './read-model.database';
import { rebuild } from './rebuild';
import { lastPosition } from './rebuild.progress';
import { appendAll } from './testing/log-entry';
import { dumpGeneration } from './testing/read-model-dump';
import { syntheticLog, writeSyntheticLog } from './testing/synthetic-log';

const projections = createProjections('Europe/Moscow');

/** A rebuild in another process (here: another connection) while the API keeps reading and projecting. */
describe('blue-green rebuild', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-rebuild-'));
  const clock = clockStartingAt(new Date('2026-11-24T09:00:00+03:00'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollMs: 10, now: clock.now });
  const api = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
  const status = new ProjectionStatus(store, api, projections, clock.now);
  const live = new LiveProjector(store, api, projections, { onCommit: () => status.committed() });

  afterAll(async () => {
    await live.stop();
    api.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const caughtUp = async () => {
    const [last] = (await store.readAll({})).slice(-1);
    expect((await status.waitFor(last.position, 20_000)).stale).toBe(false);
  };

  it('serves the old generation until the new one has caught up, then the live projector follows the new one', async () => {
    const written = await writeSyntheticLog(store, { mentorships: 400, orgId: 'early' });
    live.start();
    await caughtUp();
    const before = activeGeneration(api)!;
    expect(Number(await lastPosition(store))).toBe(written);

    const cli = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
    const seenDuring = new Set<number | null>();
    const late = [...syntheticLog({ mentorships: 40, orgId: 'late' })];
    const writing = appendAll(store, late, 50);
    const result = await rebuild(store, cli, projections, { batchSize: 500, onProgress: () => seenDuring.add(activeGeneration(api)) });
    await writing;
    cli.close();

    expect(seenDuring).toEqual(new Set([before]));
    expect(result.generation).toBe(before + 1);
    expect(activeGeneration(api)).toBe(result.generation);
    expect(inactiveGenerations(api)).toEqual([before]);
    expect(result.eventsPerSecond).toBeGreaterThan(0);

    await appendAll(store, [...syntheticLog({ mentorships: 5, orgId: 'after' })]);
    await caughtUp();
    const fresh = new ReadModelDatabase({ file: ':memory:' });
    const reference = await rebuild(store, fresh, projections);
    expect(dumpGeneration(api, activeGeneration(api)!, projections)).toEqual(dumpGeneration(fresh, reference.generation, projections));
    fresh.close();
  }, 60_000);

  it('drops generations left by earlier rebuilds before building the next', async () => {
    const cli = new ReadModelDatabase({ file: join(dir, 'readmodels.sqlite') });
    const r = await rebuild(store, cli, projections);
    expect(inactiveGenerations(cli)).toEqual([r.generation - 1]);
    cli.close();
  }, 60_000);
});
