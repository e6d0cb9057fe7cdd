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
const jsonRows = <T>(rm: ReadModels, sql: string, params: Record<string, string>): T[] =>
  JSON.parse(rm.db.tuples(sql, params)[0][0] as string) as T[];

/** Reads from the read models only what a report for the period counts, as compact rows. */
export function loadReportFacts(rm: ReadModels, q: FactsQuery): ReportFacts {
  const m = rm.table('mentorships');
  const params = { org: q.orgId, from: q.from, to: q.to, today: q.today, ...(q.form ? { form: q.form } : {}) };
  const inPeriod = `${IN_PERIOD} ${q.form ? 'AND m.form = @form' : ''}`;
  return {
    mentorships: jsonRows<MentorshipFact>(rm,
      `SELECT json_group_array(json_array(form, mentor_id, mentee_count, predecessor_id IS NOT NULL, ${stateOnSql('@to')},
              ordered_on, completed_on, completion_reason, replaced_on, replacement_reason))
       FROM ${m} m ${inPeriod}`,
      params),
    // CROSS JOIN keeps that order: each mentorship's mentees are the next keys of their table.
    mentees: jsonRows<MenteeFact>(rm,
      `SELECT json_group_array(json_array(mm.person_id, CASE WHEN m.ordered_on <= @to THEN m.form END, IFNULL(m.completed_on <= @to, 0),
              mm.first_working_day))
       FROM ${m} m CROSS JOIN ${rm.table('mentorship_mentees')} mm ON mm.mentorship_id = m.id ${inPeriod}`,
      params),
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
    staff: (rm.prepare(`SELECT COUNT(*) AS n FROM ${rm.table('people')} WHERE org_id = ? AND full_name IS NOT NULL AND first_working_day <= ?`)
      .get(q.orgId, q.to) as { n: number }).n,
    youngStaff: (rm.prepare(`SELECT COUNT(*) AS n FROM ${rm.table('people')} WHERE org_id = ? AND full_name IS NOT NULL AND first_working_day <= ? AND first_working_day > ?`)
      .get(q.orgId, q.to, youngTeachersSince(q.to)) as { n: number }).n,
    menteeBankEntries: (rm.prepare(`SELECT DISTINCT entered_on FROM ${rm.table('mentee_bank')} WHERE org_id = ?`).all(q.orgId) as { entered_on: string }[])
      .map((r) => r.entered_on),
    organisation: loadOrganisationFacts(rm, q),
  };
}
