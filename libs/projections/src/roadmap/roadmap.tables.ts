import { reachedStage } from '#core/roadmap';
import type { Row, TableSpec } from '../projection';

/** The roadmap as the read side keeps it: business dates only, documents stay in the stream. */
export interface RoadmapReadView {
  orgId: string;
  draftedOn?: string;
  approvedOn?: string;
  /** Activity id → the date it was done. */
  done: Record<string, string>;
  /** Mentor person id → the date their training ended. */
  trained: Record<string, string>;
}

/** One row per organisation; `stage` is where it stands today (1–7, `implemented`, or null before approval). */
export const ROADMAPS: TableSpec = {
  name: 'roadmaps',
  columns: ['org_id', 'drafted_on', 'approved_on', 'stage', 'done'],
  key: ['org_id'],
};

/** Mentors who completed mentor training (roadmap stage 4): what pairing suggestions read. */
export const TRAINED_MENTORS: TableSpec = {
  name: 'trained_mentors',
  columns: ['org_id', 'person_id', 'trained_on'],
  key: ['org_id', 'person_id'],
};

export function roadmapRow(v: RoadmapReadView): Row {
  return {
    org_id: v.orgId,
    drafted_on: v.draftedOn ?? null,
    approved_on: v.approvedOn ?? null,
    stage: v.approvedOn ? String(reachedStage(v.done)) : null,
    done: JSON.stringify(v.done),
  };
}

export const trainedRows = (v: RoadmapReadView): Row[] =>
  Object.entries(v.trained).map(([personId, on]) => ({ org_id: v.orgId, person_id: personId, trained_on: on }));
