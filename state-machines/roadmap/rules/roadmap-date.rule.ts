import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';

/**
 * A roadmap entry is dated by its document: never in the future. Activities may carry dates
 * before the approval (an order on the regulation usually precedes the plan); approval may not
 * precede the draft it approves.
 */
export function roadmapDateValid(date: BusinessDate, today: BusinessDate, notBefore?: { date: BusinessDate; what: string }): Violation | null {
  if (date > today) {
    return { kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта', message: `Дата ${ruDate(date)} ещё не наступила (сегодня ${ruDate(today)}): документы датируются фактической датой.` };
  }
  if (notBefore && date < notBefore.date) {
    return { kind: 'rule', code: 'date-before-previous-step', clause: '§3.3, §3.4', message: `Дата ${ruDate(date)} раньше даты, когда ${notBefore.what} (${ruDate(notBefore.date)}).` };
  }
  return null;
}
