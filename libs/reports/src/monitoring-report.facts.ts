import type { CompletionReason, MentoringForm, MentorshipState, ReplacementReason } from '../../../state-machines/mentorship/mentorship.vocabulary';
import { stateOnSql } from '../../projections/src/mentorships/mentorship-list.tables';
import type { ReadModels } from '../../projections/src/read-models';
import { loadOrganisationFacts, type OrganisationFacts } from './monitoring-report.organisation';

/** A mentorship in the period: [id, form, mentor, mentees, successor (1/0), state at the period's end, order, completion (date, reason), replacement (date, reason)]. */
export type MentorshipFact = [
  string, MentoringForm, string, number, number, MentorshipState,
  string | null, string | null, CompletionReason | null, string | null, ReplacementReason | null,
];

/** A mentee of a mentorship: [mentorship, person, first working day, report date, evaluation of the mentor]. */
export type MenteeFact = [string, string, string | null, string | null, number | null];

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
 * passed, upcoming until then. Dates are `YYYY-MM-DD`, so text order is date order.
 */
export const DEADLINE_STATUS_COUNTS = `COUNT(*) AS total,
  COALESCE(SUM(d.done_on IS NOT NULL AND d.done_on <= d.due), 0) AS on_time,
  COALESCE(SUM(d.done_on IS NOT NULL AND d.done_on > d.due), 0) AS late,
  COALESCE(SUM(d.done_on IS NULL AND d.due < @today), 0) AS overdue,
  COALESCE(SUM(d.done_on IS NULL AND d.due >= @today), 0) AS pending`;

export interface ReportFacts {
  /** Mentorships proposed by the end of the period and not finished before its start. */
  mentorships: MentorshipFact[];
  /** Mentees of the organisation's mentorships (the builder keeps those of the period's). */
  mentees: MenteeFact[];
  /** Deadlines of the organisation's mentorships (of the form, if one is asked) falling due in the period. */
  deadlines: DeadlineCount[];
  /** Registered staff who had started work by the end of the period. */
  staff: number;
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

/** Reads from the read models only what a report for the period counts, as compact rows. */
export function loadReportFacts(rm: ReadModels, q: FactsQuery): ReportFacts {
  const m = rm.table('mentorships');
  const params = { org: q.orgId, from: q.from, to: q.to, today: q.today, ...(q.form ? { form: q.form } : {}) };
  const form = q.form ? 'AND m.form = @form' : '';
  return {
    mentorships: rm.db.tuples(
      `SELECT id, form, mentor_id, mentee_count, predecessor_id IS NOT NULL, ${stateOnSql('@to')},
              ordered_on, completed_on, completion_reason, replaced_on, replacement_reason
       FROM ${m} m WHERE m.org_id = @org AND m.proposed_on <= @to AND (m.ended_on IS NULL OR m.ended_on >= @from) ${form}`,
      params,
    ) as MentorshipFact[],
    mentees: rm.db.tuples(
      `SELECT mentorship_id, person_id, first_working_day, report_on, evaluation FROM ${rm.table('mentorship_mentees')} WHERE org_id = @org`,
      { org: q.orgId },
    ) as MenteeFact[],
    deadlines: rm.prepare(
      `SELECT d.kind, ${DEADLINE_STATUS_COUNTS} FROM ${rm.table('deadlines')} d
       ${q.form ? `JOIN ${m} m ON m.id = d.mentorship_id AND m.form = @form` : ''}
       WHERE d.org_id = @org AND d.due >= @from AND d.due <= @to GROUP BY d.kind`,
    ).all(params) as DeadlineCount[],
    staff: (rm.prepare(`SELECT COUNT(*) AS n FROM ${rm.table('people')} WHERE org_id = ? AND full_name IS NOT NULL AND first_working_day <= ?`)
      .get(q.orgId, q.to) as { n: number }).n,
    menteeBankEntries: (rm.prepare(`SELECT DISTINCT entered_on FROM ${rm.table('mentee_bank')} WHERE org_id = ?`).all(q.orgId) as { entered_on: string }[])
      .map((r) => r.entered_on),
    organisation: loadOrganisationFacts(rm, q),
  };
}
