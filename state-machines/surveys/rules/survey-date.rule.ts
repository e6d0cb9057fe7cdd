import type { BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';

/** Roadmap (monitoring by questionnaires): a survey's entries are dated when made, never before the survey opened. */
export function surveyDateValid(date: BusinessDate, today: BusinessDate, notBefore?: BusinessDate): Violation | null {
  if (date > today) return { kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта', message: `Дата ${date} ещё не наступила (сегодня ${today}).` };
  if (notBefore && date < notBefore) {
    return { kind: 'rule', code: 'date-before-previous-step', clause: 'Дорожная карта', message: `Дата ${date} раньше начала опроса (${notBefore}).` };
  }
  return null;
}
