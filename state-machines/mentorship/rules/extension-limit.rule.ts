import { addMonths, ruDate, type BusinessDate } from '../../shared/business-date';
import type { MentorshipContext } from '../mentorship.context';
import { MAX_MONTHS } from './planned-duration.rule';
import { violation, type RuleCheck } from './rule';

/** §7.2 with §3.7: an extension moves the end later, never past one year from the start in total. */
export function extensionWithinLimit(ctx: MentorshipContext, plannedEnd: BusinessDate): RuleCheck {
  if (plannedEnd <= ctx.plannedEnd) {
    return violation('extension-not-later', '§7.2', `Новый срок окончания должен быть позже текущего (${ruDate(ctx.plannedEnd)}).`, { plannedEnd });
  }
  const limit = addMonths(ctx.plannedStart, MAX_MONTHS);
  if (plannedEnd > limit) {
    return violation('extension-beyond-one-year', '§3.7', `Наставничество не может длиться больше года: не позже ${ruDate(limit)}.`, { plannedEnd, limit });
  }
  return null;
}
