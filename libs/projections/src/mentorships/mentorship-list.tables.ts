import type { Row, TableSpec } from '../projection';
import { applicableDeadlines } from './mentorship-deadlines';
import type { MentorshipView } from './mentorship.view';
import { MENTORSHIP_STATES, type MentorshipState } from '#core/mentorship';

/** One row per mentorship: the columns lists filter and sort on, and the report counts. */
export const MENTORSHIPS: TableSpec = {
  name: 'mentorships',
  columns: [
    'org_id', 'id', 'state', 'mentor_id', 'form', 'topic', 'planned_start', 'planned_end', 'mentee_count',
    'predecessor_id', 'successor_id', 'proposed_on', 'consented_on', 'ordered_on', 'drafted_on', 'active_on',
    'completed_on', 'replaced_on', 'declined_on', 'withdrawn_on', 'ended_on', 'completion_reason', 'replacement_reason',
    'published_on', 'summary', 'last_event', 'last_date', 'revision',
  ],
  key: ['id'],
  indexes: [['org_id', 'state'], ['org_id', 'mentor_id'], ['org_id', 'form'], ['org_id', 'proposed_on']],
};

/** Mentees of each mentorship, with the per-person facts the report needs (the mentor is on the main row). */
export const MENTORSHIP_MENTEES: TableSpec = {
  name: 'mentorship_mentees',
  columns: ['org_id', 'mentorship_id', 'person_id', 'first_working_day', 'report_on', 'evaluation'],
  key: ['mentorship_id', 'person_id'],
  // The second covers the report's count of mentees' evaluations of their mentor by the report's date.
  indexes: [['org_id', 'person_id'], ['org_id', 'report_on', 'evaluation']],
};

/** The regulation's deadlines that apply: due and done dates; the status is computed when asked. */
export const DEADLINES: TableSpec = {
  name: 'deadlines',
  columns: ['org_id', 'mentorship_id', 'kind', 'person_id', 'due', 'done_on', 'clause', 'title'],
  key: ['mentorship_id', 'kind', 'person_id'],
  // Covers the report's count of deadlines by kind and status over a period, in the order it groups them
  // (kind first: no sort for GROUP BY; measured 9.8 → 6.4 ms over 33,000 deadlines, due-first).
  indexes: [['org_id', 'kind', 'due', 'done_on']],
};

const ENTERED_COLUMN: Record<MentorshipState, string> = {
  proposed: 'proposed_on', consented: 'consented_on', ordered: 'ordered_on', 'program-drafted': 'drafted_on', active: 'active_on',
  completed: 'completed_on', replaced: 'replaced_on', declined: 'declined_on', withdrawn: 'withdrawn_on',
};

/** `stateOn` in SQL, built from the same lifecycle order: the last state entered on or before `day`. */
export const stateOnSql = (day: string): string =>
  `CASE ${[...MENTORSHIP_STATES].reverse().map((s) => `WHEN ${ENTERED_COLUMN[s]} <= ${day} THEN '${s}'`).join(' ')} END`;

export function mentorshipRow(v: MentorshipView): Row {
  const e = v.entered;
  return {
    org_id: v.orgId, id: v.id, state: v.state, mentor_id: v.mentorId, form: v.form, topic: v.topic,
    planned_start: v.plannedStart, planned_end: v.plannedEnd, mentee_count: v.mentees.length,
    predecessor_id: v.predecessorId ?? null, successor_id: v.successorId ?? null,
    proposed_on: e.proposed ?? null, consented_on: e.consented ?? null, ordered_on: e.ordered ?? null,
    drafted_on: e['program-drafted'] ?? null, active_on: e.active ?? null, completed_on: e.completed ?? null,
    replaced_on: e.replaced ?? null, declined_on: e.declined ?? null, withdrawn_on: e.withdrawn ?? null,
    ended_on: e.completed ?? e.replaced ?? e.declined ?? e.withdrawn ?? null,
    completion_reason: v.completion?.reason ?? null, replacement_reason: v.replacement?.reason ?? null,
    published_on: v.publication?.date ?? null, summary: v.publication?.summary ?? null,
    last_event: v.lastStep.event, last_date: v.lastStep.date ?? null, revision: v.revision,
  };
}

export const menteeRows = (v: MentorshipView): Row[] =>
  v.mentees.map((m) => ({
    org_id: v.orgId, mentorship_id: v.id, person_id: m.personId, first_working_day: m.firstWorkingDay,
    report_on: v.menteeReports[m.personId]?.date ?? null, evaluation: v.menteeReports[m.personId]?.evaluation ?? null,
  }));

export const deadlineRows = (v: MentorshipView): Row[] =>
  applicableDeadlines(v).map((d) => ({
    org_id: v.orgId, mentorship_id: v.id, kind: d.kind, person_id: d.personId ?? '', due: d.due,
    done_on: d.doneOn ?? null, clause: d.clause, title: d.title,
  }));
