import fc from 'fast-check';
import { SqliteEventStore } from '#libs/event-store';
import { clockStartingAt } from '#libs/kernel';
import { activeGeneration, ensureActiveGeneration } from './generations';
import { LiveProjector } from './live-projector';
import { createProjections } from './projection-set';
import { ProjectionStatus } from './projection-status';
import { Projector } from './projector';
import { ReadModelDatabase } from './read-model.database';
import { rebuild } from './rebuild';
import { appendAll } from './testing/log-entry';
import { randomLifecycle } from './testing/random-lifecycle';
import { dumpGeneration } from './testing/read-model-dump';

const projections = createProjections('Europe/Moscow');
const choices = fc.array(fc.nat(10_000), { minLength: 20, maxLength: 220 });
const chunks = fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 8 });

/** Each read model, however its events arrived (in chunks, across restarts, live), equals a rebuild from the log. */
describe('read models equal a from-scratch rebuild', () => {
  it('after catch-ups in random chunks and batch sizes, each by a new projector (a restart)', async () => {
    await fc.assert(
      fc.asyncProperty(choices, chunks, fc.integer({ min: 1, max: 40 }), async (cs, sizes, batchSize) => {
        const log = randomLifecycle(cs);
        const store = new SqliteEventStore({ file: ':memory:' });
        const db = new ReadModelDatabase({ file: ':memory:' });
        try {
          const g = ensureActiveGeneration(db, projections);
          for (let i = 0, c = 0; i < log.length; c++) {
            const n = sizes[c % sizes.length];
            await appendAll(store, log.slice(i, i + n));
            i += n;
            await new Projector(store, db, projections, { generation: g, untilCaughtUp: true, batchSize }).run();
          }
          const built = await rebuild(store, db, projections);
          expect(built.generation).not.toBe(g);
          expect(dumpGeneration(db, built.generation, projections)).toEqual(dumpGeneration(db, g, projections));
        } finally {
          db.close();
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('when followed live from the store subscription while the log is written', async () => {
    await fc.assert(
      fc.asyncProperty(choices, chunks, async (cs, sizes) => {
        const log = randomLifecycle(cs);
        const clock = clockStartingAt(new Date('2026-11-24T09:00:00+03:00'));
        const store = new SqliteEventStore({ file: ':memory:', pollMs: 5, now: clock.now });
        const db = new ReadModelDatabase({ file: ':memory:' });
        const status = new ProjectionStatus(store, db, projections, clock.now);
        const live = new LiveProjector(store, db, projections, { batchSize: 7, onCommit: () => status.committed() });
        try {
          live.start();
          for (let i = 0, c = 0; i < log.length; c++) {
            const n = sizes[c % sizes.length];
            await appendAll(store, log.slice(i, i + n));
            i += n;
            await new Promise((r) => setTimeout(r, c % 3));
          }
          const [last] = (await store.readAll({})).slice(-1);
          expect((await status.waitFor(last.position, 10_000)).stale).toBe(false);
          await live.stop();
          const g = activeGeneration(db)!;
          const built = await rebuild(store, db, projections);
          expect(dumpGeneration(db, built.generation, projections)).toEqual(dumpGeneration(db, g, projections));
        } finally {
          await live.stop();
          db.close();
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});
