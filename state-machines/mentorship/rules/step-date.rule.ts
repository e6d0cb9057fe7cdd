import { ruDate, type BusinessDate } from '../../shared/business-date';
import { violation, type RuleCheck } from './rule';

/** A step's business date is never in the future and never before the previous step of the mentorship. */
export function stepDateInOrder(date: BusinessDate, lastDate: BusinessDate | undefined, today: BusinessDate): RuleCheck {
  if (date > today) {
    return violation('date-in-future', '§3.7', `Дата шага ${ruDate(date)} ещё не наступила (сегодня ${ruDate(today)}): документы датируются фактической датой.`, { date, today });
  }
  if (lastDate && date < lastDate) {
    return violation('date-before-previous-step', '§3.7', `Дата шага ${ruDate(date)} раньше даты предыдущего шага (${ruDate(lastDate)}): даты наставничества не идут назад.`, { date, lastDate });
  }
  return null;
}
