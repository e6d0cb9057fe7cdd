import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';
import { PERSONAL_DATA_CLAUSE } from '../personal-data';

/**
 * Roadmap stages 2–3 and 152-ФЗ: the records of a person's consent, its withdrawal and the
 * destruction of their data are dated by their documents: never in the future, never before
 * the document they follow.
 */
export function consentDateValid(date: BusinessDate, today: BusinessDate): Violation | null {
  return date > today
    ? { kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта, этапы 2–3', message: `Дата согласия ${ruDate(date)} ещё не наступила.` }
    : null;
}

export function withdrawalDateValid(date: BusinessDate, today: BusinessDate, consentDate: BusinessDate): Violation | null {
  if (date > today) return { kind: 'rule', code: 'date-in-future', clause: PERSONAL_DATA_CLAUSE, message: `Дата отзыва ${ruDate(date)} ещё не наступила.` };
  if (date < consentDate) {
    return { kind: 'rule', code: 'date-before-previous-step', clause: PERSONAL_DATA_CLAUSE, message: `Дата отзыва ${ruDate(date)} раньше даты согласия ${ruDate(consentDate)}.` };
  }
  return null;
}

export function destructionDatesValid(date: BusinessDate, orderDate: BusinessDate, today: BusinessDate): Violation | null {
  if (date > today || orderDate > today) {
    return { kind: 'rule', code: 'date-in-future', clause: PERSONAL_DATA_CLAUSE, message: 'Дата приказа или уничтожения ещё не наступила.' };
  }
  if (date < orderDate) {
    return { kind: 'rule', code: 'date-before-previous-step', clause: PERSONAL_DATA_CLAUSE, message: `Дата уничтожения ${ruDate(date)} раньше даты приказа ${ruDate(orderDate)}.` };
  }
  return null;
}
