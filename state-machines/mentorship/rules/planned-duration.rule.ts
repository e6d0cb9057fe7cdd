import { addMonths, ruDate, type BusinessDate } from '../../shared/business-date';
import { violation, type RuleCheck } from './rule';

export const MIN_MONTHS = 1;
export const MAX_MONTHS = 12;

/** §3.7: a mentorship lasts from one month to one year. */
export function plannedDurationWithinLimits(plannedStart: BusinessDate, plannedEnd: BusinessDate): RuleCheck {
  if (plannedEnd < addMonths(plannedStart, MIN_MONTHS) || plannedEnd > addMonths(plannedStart, MAX_MONTHS)) {
    return violation(
      'planned-duration-out-of-range',
      '§3.7',
      `Продолжительность наставничества должна быть от 1 месяца до 1 года: при начале ${ruDate(plannedStart)} окончание — с ${ruDate(addMonths(plannedStart, MIN_MONTHS))} по ${ruDate(addMonths(plannedStart, MAX_MONTHS))}.`,
      { plannedStart, plannedEnd },
    );
  }
  return null;
}
