import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';

/**
 * §3.7: the 30 days for the appointment count from the day the mentee was actually admitted to work
 * («фактическое допущение к работе»): a fact, so it is recorded on or after that day, never ahead — as a
 * consent dated ahead is refused. «Today» is the organisation's, given by the shell.
 */
export function firstWorkingDayNotInFuture(firstWorkingDay: BusinessDate, today: BusinessDate): Violation | null {
  return firstWorkingDay > today
    ? {
        kind: 'rule',
        code: 'date-in-future',
        clause: '§3.7',
        message: `Дата фактического допуска к работе ${ruDate(firstWorkingDay)} ещё не наступила (сегодня ${ruDate(today)}): `
          + 'сотрудника регистрируют с первого рабочего дня, не заранее.',
        details: { firstWorkingDay, today },
      }
    : null;
}
