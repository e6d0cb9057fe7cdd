import type { BusinessDate } from '../shared/business-date';

/** A dated record with its document, as the roadmap keeps every entry. */
export interface Documented {
  date: BusinessDate;
  documentRef: string;
}

/** What the roadmap machine knows, derived only from its events. */
export interface RoadmapContext {
  orgId: string;
  drafted?: Documented;
  approved?: Documented;
  /** Activities done, by activity id. */
  done: Record<string, Documented>;
  /** Mentors who completed mentor training, by person id. */
  trained: Record<string, Documented>;
}

export const EMPTY_ROADMAP: RoadmapContext = { orgId: '', done: {}, trained: {} };
