import type { ReadModels } from '../read-models';

/** Full names of staff of one organisation, for the people a page of results mentions. */
export function namesOf(rm: ReadModels, orgId: string, personIds: string[]): Map<string, string> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = rm.prepare(
    `SELECT person_id, full_name FROM ${rm.table('people')} WHERE org_id = ? AND person_id IN (SELECT value FROM json_each(?))`,
  ).all(orgId, JSON.stringify(ids)) as { person_id: string; full_name: string }[];
  return new Map(rows.map((r) => [r.person_id, r.full_name]));
}
