import { addMonths, daysBetween, ruDate, type BusinessDate } from '../../shared/business-date';
import { MIN_MONTHS } from './planned-duration.rule';
import type { Warning } from './short-program.rule';

/**
 * §3.7: mentoring lasts from one month to one year. A completion (§7.1) before a month from the planned
 * start — or before the start itself — is recorded, since §7.1 lets it end on the participants' or the
 * curator's initiative, but flagged. An early end by written notice (ТК РФ ст. 351.8) is not: the law
 * lets either side end it at any time.
 */
export function completedEarlyWarning(plannedStart: BusinessDate, completion: { date: BusinessDate; earlyEnd?: unknown } | undefined): Warning | null {
  if (!completion || completion.earlyEnd || completion.date >= addMonths(plannedStart, MIN_MONTHS)) return null;
  const days = daysBetween(plannedStart, completion.date);
  const when = days < 0
    ? `раньше планового начала (${ruDate(plannedStart)})`
    : days === 0 ? `в день планового начала (${ruDate(plannedStart)})` : `через ${days} дн. после планового начала (${ruDate(plannedStart)})`;
  return {
    code: 'completed-before-minimum-term',
    clause: '§3.7',
    message: `Наставничество завершено ${ruDate(completion.date)} — ${when}: п. 3.7 устанавливает продолжительность наставничества от одного месяца до одного года.`,
  };
}
