import type { CompletionReason, MentoringForm, MentorshipState, ReplacementReason } from '#core/mentorship';
import { addMonths } from '#core/shared';
import { stateOnSql, type ReadModels } from '#libs/projections';
import { loadOrganisationFacts, type OrganisationFacts } from './monitoring-report.organisation';

/** A mentorship in the period: [form, mentor, mentees, successor (1/0), state at the period's end, order, completion (date, reason), replacement (date, reason)]. */
export type MentorshipFact = [
  MentoringForm, string, number, number, MentorshipState,
  string | null, string | null, CompletionReason | null, string | null, ReplacementReason | null,
];

/**
 * A mentee of a mentorship in the period: [person, the mentorship's form if it took part (else null),
 * its completion by the period's end (1/0), first working day].
 */
export type MenteeFact = [string, MentoringForm | null, number, string | null];

/** How many mentees' reports dated in the period gave the mentor each score: [score 1–5, count]. */
export type EvaluationFact = [number, number];

/** Deadlines of one kind falling due in the period, by their status on the report's day. */
export interface DeadlineCount {
  kind: string;
  total: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
}

/**
 * `deadlineStatus` (core) in SQL, so thousands of deadlines are counted where they are stored:
 * done on or before the due day is met, after it late; not done is overdue once the day has
 * passed, upcoming until then. Dates are `YYYY-MM-DD`, so text order is date order. Late and
 * upcoming are the rest of the done and the not done: two sums fewer per row.
 */
export const DEADLINE_STATUS_COUNTS = `COUNT(*) AS total, COUNT(d.done_on) AS done,
  COALESCE(SUM(d.done_on <= d.due), 0) AS on_time,
  COALESCE(SUM(d.done_on IS NULL AND d.due < @today), 0) AS overdue`;

export const deadlineCount = (r: { kind: string; total: number; done: number; on_time: number; overdue: number }): DeadlineCount => ({
  kind: r.kind, total: r.total, on_time: r.on_time, late: r.done - r.on_time, overdue: r.overdue, pending: r.total - r.done - r.overdue,
});

/** The day three years before the period's end: young teachers started work after it. */
export const youngTeachersSince = (periodEnd: string): string => addMonths(periodEnd, -36);

/**
 * Registered staff who had started work by the period's end (`@to`), and of them the young teachers
 * (started after `@young`), in one pass over the people index that holds all three columns.
 */
export const STAFF_COUNTS = `COUNT(*) AS staff, COALESCE(SUM(first_working_day > @young), 0) AS young`;
export const STAFF_WHERE = `full_name IS NOT NULL AND first_working_day <= @to`;

export interface ReportFacts {
  /** Mentorships proposed by the end of the period and not finished before its start. */
  mentorships: MentorshipFact[];
  /** Mentees of those mentorships. */
  mentees: MenteeFact[];
  /** Mentees' evaluations of their mentor in reports dated in the period, whatever the period of the mentorship (FIGURE_DEFINITIONS.evaluation). */
  evaluations: EvaluationFact[];
  /** Deadlines of the organisation's mentorships (of the form, if one is asked) falling due in the period. */
  deadlines: DeadlineCount[];
  /** Registered staff who had started work by the end of the period. */
  staff: number;
  /** Of them, young teachers: started within three years before the period's end (as `youngSpecialists` counts mentees). */
  youngStaff: number;
  /** Days on which someone entered the mentee bank. */
  menteeBankEntries: string[];
  /** The organisation's roadmap and the survey responses dated in the period. */
  organisation: OrganisationFacts;
}

export interface FactsQuery {
  orgId: string;
  from: string;
  to: string;
  form?: MentoringForm;
  today: string;
}

/**
 * The mentorships of the period. (Keeping the planner off the org index with `+org_id` saved ~2 ms of
 * 58 in one kindergarten's file, but would scan every organisation's rows in a region's: not done.)
 */
const IN_PERIOD = 'WHERE m.org_id = @org AND m.proposed_on <= @to AND (m.ended_on IS NULL OR m.ended_on >= @from)';

/** One JSON text built by SQLite and one JSON.parse: far cheaper than a driver row per mentorship. */
export const jsonRows = <T>(rm: ReadModels, sql: string, params: Record<string, string>): T[] =>
  JSON.parse(rm.db.tuples(sql, params)[0][0] as string) as T[];

/**
 * The mentorships `where` selects (as `m`) with their mentees, one row per mentee (a mentorship without
 * one gives a row of nulls for it): [organisation if `withOrg`, id, ...MentorshipFact, person, first
 * working day]. One pass over the mentorships where a query for them and another for their mentees
 * took 21 of the report's 49 ms over 11,000 mentorships (14 ms).
 */
export const mentorshipRowsSql = (rm: ReadModels, where: string, withOrg: boolean): string =>
  `SELECT json_group_array(json_array(${withOrg ? 'm.org_id, ' : ''}m.id, m.form, m.mentor_id, m.mentee_count, m.predecessor_id IS NOT NULL,
          ${stateOnSql('@to')}, m.ordered_on, m.completed_on, m.completion_reason, m.replaced_on, m.replacement_reason,
          mm.person_id, mm.first_working_day))
   FROM ${rm.table('mentorships')} m LEFT JOIN ${rm.table('mentorship_mentees')} mm ON mm.mentorship_id = m.id ${where}`;

/**
 * Those rows as the facts of mentorships and of their mentees on the period's last day `to`: a mentee
 * counts in the mentorship's form once it was ordered, and as completed once it was completed.
 */
export function addMentorshipRows(rows: readonly unknown[][], to: string, withOrg: boolean, factsOf: (orgId: string) => ReportFacts): void {
  const seen = new Set<string>();
  const at = withOrg ? 1 : 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const facts = factsOf(withOrg ? (r[0] as string) : '');
    const fact = r.slice(at + 1, at + 11) as MentorshipFact;
    const id = r[at] as string;
    if (!seen.has(id)) {
      seen.add(id);
      facts.mentorships.push(fact);
    }
    const person = r[at + 11] as string | null;
    if (person === null) continue;
    const [form, , , , , orderedOn, completedOn] = fact;
    facts.mentees.push([person, orderedOn !== null && orderedOn <= to ? form : null, completedOn !== null && completedOn <= to ? 1 : 0, r[at + 12] as string | null]);
  }
}

/** Reads from the read models only what a report for the period counts, as compact rows. */
export function loadReportFacts(rm: ReadModels, q: FactsQuery): ReportFacts {
  const m = rm.table('mentorships');
  const params = { org: q.orgId, from: q.from, to: q.to, today: q.today, young: youngTeachersSince(q.to), ...(q.form ? { form: q.form } : {}) };
  const staff = rm.prepare(`SELECT ${STAFF_COUNTS} FROM ${rm.table('people')} WHERE org_id = @org AND ${STAFF_WHERE}`).get(params) as { staff: number; young: number };
  const inPeriod = `${IN_PERIOD} ${q.form ? 'AND m.form = @form' : ''}`;
  const facts: ReportFacts = {
    mentorships: [],
    mentees: [],
    // By the report's own date: a report filed in the period for a mentorship that ended before it still counts.
    evaluations: rm.db.tuples(
      `SELECT mm.evaluation, COUNT(*) FROM ${rm.table('mentorship_mentees')} mm
       ${q.form ? `JOIN ${m} m ON m.id = mm.mentorship_id AND m.form = @form` : ''}
       WHERE mm.org_id = @org AND mm.report_on >= @from AND mm.report_on <= @to AND mm.evaluation IS NOT NULL GROUP BY mm.evaluation`,
      params,
    ) as EvaluationFact[],
    deadlines: (rm.prepare(
      `SELECT d.kind, ${DEADLINE_STATUS_COUNTS} FROM ${rm.table('deadlines')} d
       WHERE d.org_id = @org AND d.due >= @from AND d.due <= @to
       ${q.form ? `AND d.mentorship_id IN (SELECT id FROM ${m} WHERE org_id = @org AND form = @form)` : ''} GROUP BY d.kind`,
    ).all(params) as Parameters<typeof deadlineCount>[0][]).map(deadlineCount),
    staff: staff.staff,
    youngStaff: staff.young,
    menteeBankEntries: (rm.prepare(`SELECT DISTINCT entered_on FROM ${rm.table('mentee_bank')} WHERE org_id = ?`).all(q.orgId) as { entered_on: string }[])
      .map((r) => r.entered_on),
    organisation: loadOrganisationFacts(rm, q),
  };
  addMentorshipRows(jsonRows(rm, mentorshipRowsSql(rm, inPeriod, false), params), q.to, false, () => facts);
  return facts;
}
