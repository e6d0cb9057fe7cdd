import { menteeIds, type MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/** §3.6: every mentee acquaints with the program and writes their own final report, once. */
export function pendingMentee(ctx: MentorshipContext, personId: string, done: Record<string, unknown>, what: string): RuleCheck {
  if (!menteeIds(ctx).includes(personId)) {
    return violation('not-a-mentee', '§3.6', `${what}: это делает наставляемый этой пары (группы).`, { personId });
  }
  if (done[personId]) return violation('already-recorded', '§3.6', `${what}: уже записано для этого наставляемого.`, { personId });
  return null;
}

export const completesMentees = (ctx: MentorshipContext, personId: string, done: Record<string, unknown>): boolean =>
  menteeIds(ctx).every((p) => p === personId || done[p]);

/** §3.6: a mentee acquaints with the program once. */
export const acknowledgementFromPendingMentee = (ctx: MentorshipContext, personId: string): RuleCheck =>
  pendingMentee(ctx, personId, ctx.acknowledgements, 'Ознакомление с программой');

export const completesAcknowledgements = (ctx: MentorshipContext, personId: string): boolean => completesMentees(ctx, personId, ctx.acknowledgements);

/** §3.6: a mentee writes their final report once. */
export const reportFromPendingMentee = (ctx: MentorshipContext, personId: string): RuleCheck =>
  pendingMentee(ctx, personId, ctx.menteeReports, 'Отчёт наставляемого');

export const completesMenteeReports = (ctx: MentorshipContext, personId: string): boolean => completesMentees(ctx, personId, ctx.menteeReports);

/** §3.6: the mentor's report on the program is the mentor's own. */
export const writtenByTheMentor = (ctx: MentorshipContext, personId: string): boolean => personId === ctx.mentorId;
