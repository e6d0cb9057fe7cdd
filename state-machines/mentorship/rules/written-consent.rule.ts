import { participants, type MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/** §3.2, §3.7, §6.2: the mentor and every mentee consent in writing, each once. */
export function consentFromPendingParticipant(ctx: MentorshipContext, personId: string): RuleCheck {
  if (!participants(ctx).includes(personId)) {
    return violation('consent-not-participant', '§3.7', 'Согласие может дать только наставник или наставляемый этой пары (группы).', { personId });
  }
  // A consent carried over from the predecessor pair is not one to this pair (§3.7): it is still to be given.
  if (ctx.consents[personId] && !ctx.consents[personId].inherited) {
    return violation('consent-already-recorded', '§3.7', 'Согласие этого участника уже записано.', { personId });
  }
  return null;
}

/** True when this consent is the last one missing, so the mentorship can go to the head's order. */
export function completesConsents(ctx: MentorshipContext, personId: string): boolean {
  return participants(ctx).every((p) => p === personId || ctx.consents[p]?.given);
}
