import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';

/**
 * An entry of the program bank or of the best cases is dated by its decision (§3.4, §8.1): never
 * in the future, never before what it refers to (`notBefore`). `clause` is the step's clause.
 */
export function documentDateValid(date: BusinessDate, today: BusinessDate, notBefore: BusinessDate | undefined, clause: string): Violation | null {
  if (date > today) return { kind: 'rule', code: 'date-in-future', clause, message: `Дата ${ruDate(date)} ещё не наступила (сегодня ${ruDate(today)}).` };
  if (notBefore && date < notBefore) return { kind: 'rule', code: 'date-before-previous-step', clause, message: `Дата ${ruDate(date)} раньше даты, к которой запись относится (${ruDate(notBefore)}).` };
  return null;
}
