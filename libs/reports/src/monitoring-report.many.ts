import type { ReadModels } from '#libs/projections';
import {
  DEADLINE_STATUS_COUNTS, STAFF_COUNTS, STAFF_WHERE, addMentorshipRows, deadlineCount, jsonRows, mentorshipRowsSql, youngTeachersSince,
  type EvaluationFact, type ReportFacts,
} from './monitoring-report.facts';
import type { SurveyResponseFact } from './monitoring-report.organisation';

/**
 * `loadReportFacts` for many organisations at once (all forms): the same queries, each run once with the
 * organisation as its first column, the rows then split by organisation. A region's roll-up over two
 * thousand kindergartens reads eight queries instead of sixteen thousand; each organisation's facts are
 * what `loadReportFacts` reads for it alone (the region's e2e test compares the figures with each
 * curator's own report).
 */
export function loadManyReportFacts(rm: ReadModels, orgIds: readonly string[], q: { from: string; to: string; today: string }): Map<string, ReportFacts> {
  const facts = new Map<string, ReportFacts>();
  for (const orgId of orgIds) {
    facts.set(orgId, {
      mentorships: [], mentees: [], evaluations: [], deadlines: [], staff: 0, youngStaff: 0, menteeBankEntries: [],
      organisation: { roadmap: null, surveyResponses: [] },
    });
  }
  const params = { orgs: JSON.stringify(orgIds), from: q.from, to: q.to, today: q.today, young: youngTeachersSince(q.to) };
  const ORGS = 'IN (SELECT value FROM json_each(@orgs))';
  const inPeriod = `WHERE m.org_id ${ORGS} AND m.proposed_on <= @to AND (m.ended_on IS NULL OR m.ended_on >= @from)`;
  const of = (orgId: string) => facts.get(orgId)!;

  addMentorshipRows(jsonRows<unknown[]>(rm, mentorshipRowsSql(rm, inPeriod, true), params), q.to, true, of);
  for (const [orgId, score, count] of rm.db.tuples(
    `SELECT mm.org_id, mm.evaluation, COUNT(*) FROM ${rm.table('mentorship_mentees')} mm
     WHERE mm.org_id ${ORGS} AND mm.report_on >= @from AND mm.report_on <= @to AND mm.evaluation IS NOT NULL GROUP BY mm.org_id, mm.evaluation`,
    params,
  ) as [string, ...EvaluationFact][]) of(orgId).evaluations.push([score, count]);
  for (const r of rm.prepare(
    `SELECT d.org_id, d.kind, ${DEADLINE_STATUS_COUNTS} FROM ${rm.table('deadlines')} d
     WHERE d.org_id ${ORGS} AND d.due >= @from AND d.due <= @to GROUP BY d.org_id, d.kind`,
  ).all(params) as ({ org_id: string } & Parameters<typeof deadlineCount>[0])[]) of(r.org_id).deadlines.push(deadlineCount(r));
  for (const r of rm.prepare(
    `SELECT org_id, ${STAFF_COUNTS} FROM ${rm.table('people')} WHERE org_id ${ORGS} AND ${STAFF_WHERE} GROUP BY org_id`,
  ).all(params) as { org_id: string; staff: number; young: number }[]) {
    of(r.org_id).staff = r.staff;
    of(r.org_id).youngStaff = r.young;
  }
  for (const r of rm.prepare(`SELECT DISTINCT org_id, entered_on FROM ${rm.table('mentee_bank')} WHERE org_id ${ORGS}`).all(params) as { org_id: string; entered_on: string }[]) {
    of(r.org_id).menteeBankEntries.push(r.entered_on);
  }
  for (const r of rm.prepare(`SELECT org_id, drafted_on, approved_on, done FROM ${rm.table('roadmaps')} WHERE org_id ${ORGS}`).all(params) as
    { org_id: string; drafted_on: string | null; approved_on: string | null; done: string }[]) {
    of(r.org_id).organisation.roadmap = { draftedOn: r.drafted_on, approvedOn: r.approved_on, done: JSON.parse(r.done) };
  }
  for (const [orgId, ...fact] of rm.db.tuples(
    `SELECT org_id, questionnaire, role, answers FROM ${rm.table('survey_responses')} WHERE org_id ${ORGS} AND answered_on >= @from AND answered_on <= @to`,
    params,
  ) as [string, ...SurveyResponseFact][]) of(orgId).organisation.surveyResponses.push(fact as SurveyResponseFact);
  return facts;
}
