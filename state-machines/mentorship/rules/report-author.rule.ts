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
