import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';

/** Roadmap (monitoring by questionnaires): a survey's entries are dated when made, never before the survey opened. */
export function surveyDateValid(date: BusinessDate, today: BusinessDate, notBefore?: BusinessDate): Violation | null {
  if (date > today) return { kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта', message: `Дата ${ruDate(date)} ещё не наступила (сегодня ${ruDate(today)}).` };
  if (notBefore && date < notBefore) {
    return { kind: 'rule', code: 'date-before-previous-step', clause: 'Дорожная карта', message: `Дата ${ruDate(date)} раньше начала опроса (${ruDate(notBefore)}).` };
  }
  return null;
}
