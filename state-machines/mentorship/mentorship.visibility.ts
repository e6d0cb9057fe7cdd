import type { Actor, Role } from '../people/roles';
import type { MentorshipContext } from './mentorship.context';
import { canRead } from './mentorship.policy';

/** The readers of every mentorship of their organisation (as `canRead`): they see every participant's report. */
const REPORT_READERS: readonly Role[] = ['head', 'curator', 'methodist', 'auditor', 'admin'];

/**
 * §3.6: a mentee's report speaks of the process and evaluates the mentor. Besides the staff who read
 * every mentorship and the mentor it is about, only its author sees it: in a group, a mentee sees
 * their own report and evaluation, not the other mentees'.
 */
export function seesMenteeReport(actor: Actor, ctx: MentorshipContext, menteeId: string): boolean {
  if (!canRead(actor, ctx)) return false;
  const seesAll = actor.roles.some((r) => REPORT_READERS.includes(r) || (r === 'mentor' && !!actor.personId && actor.personId === ctx.mentorId));
  return seesAll || (!!actor.personId && actor.personId === menteeId);
}

/** The mentees' reports this reader may see. */
export function visibleMenteeReports(actor: Actor, ctx: MentorshipContext): MentorshipContext['menteeReports'] {
  return Object.fromEntries(Object.entries(ctx.menteeReports).filter(([personId]) => seesMenteeReport(actor, ctx, personId)));
}

/**
 * ТК РФ ст. 351.8: the supplementary agreement amends the mentor's employment contract and sets their
 * pay — a matter of the mentor and the employer. It is read by the mentor it is with and the staff who
 * read every mentorship, not by the mentees (who see that the mentorship was ordered, not the terms).
 */
export function seesAgreementTerms(actor: Actor, ctx: MentorshipContext): boolean {
  if (!canRead(actor, ctx)) return false;
  return actor.roles.some((r) => REPORT_READERS.includes(r) || (r === 'mentor' && !!actor.personId && actor.personId === ctx.mentorId));
}
