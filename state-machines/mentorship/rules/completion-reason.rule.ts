import type { MentorshipContext } from '../mentorship.context';
import type { CompletionReason } from '../mentorship.vocabulary';
import { violation, type RuleCheck } from './rule';

/** §7.1: "the plan fulfilled in full" is a reason only when every activity of the program is done. */
export function completionReasonHolds(ctx: MentorshipContext, reason: CompletionReason): RuleCheck {
  const pending = (ctx.program?.activities ?? []).filter((a) => !a.doneOn);
  if (reason === 'plan-fulfilled' && pending.length > 0) {
    return violation(
      'plan-not-fulfilled',
      '§7.1',
      `План мероприятий выполнен не полностью (не выполнено: ${pending.length}). Укажите другое основание завершения.`,
      { pending: pending.map((a) => a.id) },
    );
  }
  return null;
}
