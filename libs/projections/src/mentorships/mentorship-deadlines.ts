import { deadlines, type DeadlineFlag, type MentorshipContext } from '#core/mentorship';
import type { MentorshipView } from './mentorship.view';

/**
 * The part of the machine's context the deadline rules read, rebuilt from a view. Only those
 * fields are filled: this runs for every view a rebuild writes, and copying the whole empty
 * context each time cost more than the rules themselves.
 */
export function deadlineContext(v: MentorshipView): MentorshipContext {
  const menteeReports: MentorshipContext['menteeReports'] = {};
  for (const p in v.menteeReports) menteeReports[p] = { date: v.menteeReports[p].date, text: '', mentorEvaluation: v.menteeReports[p].evaluation };
  return {
    mentorshipId: v.id,
    orgId: v.orgId,
    mentorId: v.mentorId,
    mentees: v.mentees,
    predecessorId: v.predecessorId,
    order: v.order,
    program: v.program && { draftedOn: v.program.draftedOn, activities: [] },
    completion: v.completion,
    mentorReport: v.mentorReportOn ? { date: v.mentorReportOn, text: '', recommendations: '' } : undefined,
    menteeReports,
  } as Partial<MentorshipContext> as MentorshipContext;
}

/** The regulation's deadlines of a mentorship on `today`, by the same rules as the command side. */
export const deadlinesOf = (v: MentorshipView, today: string): DeadlineFlag[] => deadlines(deadlineContext(v), v.state, today);

/**
 * Which deadlines apply does not depend on the day, only their status does: rows keep due and
 * done dates, and queries compute the status with the injected clock.
 */
export const applicableDeadlines = (v: MentorshipView): Omit<DeadlineFlag, 'status' | 'daysLate'>[] =>
  deadlinesOf(v, v.lastStep.date ?? v.entered.proposed ?? '1970-01-01')
    .map(({ kind, clause, title, due, doneOn, personId }) => ({ kind, clause, title, due, doneOn, personId }));
