import type { EventStore, LogPosition } from '#libs/event-store';
import { activate, createGeneration, dropGeneration, inactiveGenerations, setStoreMark } from './generations';
import type { AnyProjection } from './projection';
import { Projector } from './projector';
import type { ReadModelDatabase } from './read-model.database';
import { indexDdl } from './read-model.schema';

export interface RebuildResult {
  generation: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface RebuildOptions {
  batchSize?: number;
  onProgress?: (progress: { position: LogPosition; events: number }) => void;
}

/**
 * Blue-green rebuild: every read model is built from the start of the log into a new generation
 * while queries keep reading the active one; once the new one has caught up with the log it is
 * activated in one write, and a live projector (inline or separate) carries on from its checkpoint.
 * The generation it replaced stays until the next rebuild.
 */
export async function rebuild(
  store: EventStore, db: ReadModelDatabase, projections: readonly AnyProjection[], options: RebuildOptions = {},
): Promise<RebuildResult> {
  for (const g of inactiveGenerations(db)) dropGeneration(db, g);
  const generation = createGeneration(db, projections, false);
  const [first] = await store.readAll({ maxCount: 1 });
  const started = performance.now();
  const projector = new Projector(store, db, projections, {
    generation, untilCaughtUp: true, fresh: true, batchSize: options.batchSize ?? 20_000, onBatch: options.onProgress,
  });
  db.setDurable(false);
  try {
    await projector.run();
  } catch (error) {
    dropGeneration(db, generation);
    throw error;
  } finally {
    db.setDurable(true);
  }
  db.transaction(() => {
    db.exec(indexDdl(generation, projections));
    // Statistics for the planner (sampled: `analysis_limit`), so it knows whether an organisation's
    // index narrows a table (a region's file) or not (one kindergarten's, where a scan is cheaper).
    db.exec('PRAGMA analysis_limit = 1000; ANALYZE');
    if (first) setStoreMark(db, generation, first.id);
    activate(db, generation);
  });
  const seconds = (performance.now() - started) / 1000;
  return { generation, events: projector.processed, seconds, eventsPerSecond: projector.processed / Math.max(seconds, 1e-9) };
}
