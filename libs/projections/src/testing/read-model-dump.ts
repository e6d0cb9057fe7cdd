import type { AnyProjection } from '../projection';
import type { ReadModelDatabase } from '../read-model.database';
import { tablePrefix } from '../read-model.schema';

const SQL_VIEWS = ['mentor_load', 'public_programs', 'mentor_bank', 'mentee_bank', 'public_mentors', 'public_mentees'];

/** Every table, SQL view and checkpoint of a generation, in a stable order: two equal dumps are equal read models. */
export function dumpGeneration(db: ReadModelDatabase, generation: number, projections: readonly AnyProjection[]): Record<string, unknown[]> {
  const p = tablePrefix(generation);
  const out: Record<string, unknown[]> = {};
  for (const proj of projections) {
    for (const t of [proj.main, ...proj.derived]) {
      out[t.name] = db.prepare(`SELECT * FROM "${p}${t.name}" ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`).all();
    }
  }
  for (const v of SQL_VIEWS) out[v] = db.prepare(`SELECT * FROM "${p}${v}" ORDER BY 1, 2, 3`).all();
  out.views = db.prepare(`SELECT * FROM "${p}views" ORDER BY projection, key`).all();
  out.checkpoints = db.prepare(`SELECT projection, position, events FROM "${p}checkpoints" ORDER BY projection`).all();
  return out;
}
