import { comparePositions, positionFromString, positionToString, type LogPosition } from '#libs/event-store';
import type { ReadModelDatabase } from './read-model.database';
import { tablePrefix } from './read-model.schema';

export interface Checkpoint {
  position: LogPosition | null;
  events: number;
}

const NONE: Checkpoint = { position: null, events: 0 };

export function readCheckpoint(db: ReadModelDatabase, generation: number, projection: string): Checkpoint {
  const row = db.prepare(`SELECT position, events FROM "${tablePrefix(generation)}checkpoints" WHERE projection = ?`).get(projection) as
    | { position: string; events: number }
    | undefined;
  return row ? { position: positionFromString(row.position), events: row.events } : NONE;
}

export function writeCheckpoint(db: ReadModelDatabase, generation: number, projection: string, cp: Checkpoint): void {
  db.prepare(`INSERT OR REPLACE INTO "${tablePrefix(generation)}checkpoints" (projection, position, events) VALUES (?, ?, ?)`)
    .run(projection, cp.position ? positionToString(cp.position) : '-1/-1', cp.events);
}

export const samePosition = (a: LogPosition | null, b: LogPosition | null): boolean =>
  a === null || b === null ? a === b : comparePositions(a, b) === 0;

/** The earliest of several checkpoints (`null`: one has not started, so from the beginning). */
export function earliest(positions: (LogPosition | null)[]): LogPosition | null {
  let min: LogPosition | null = null;
  for (const p of positions) {
    if (p === null) return null;
    if (min === null || comparePositions(p, min) < 0) min = p;
  }
  return min;
}
