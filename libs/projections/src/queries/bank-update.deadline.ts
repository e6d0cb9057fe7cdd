import { deadlineStatus } from '#core/mentorship';
import { addMonths } from '#core/shared';

export const BANK_UPDATE = {
  kind: 'mentee-bank-update',
  clause: '§3.4',
  title: 'Актуализация банка наставляемых — не реже одного раза в год',
} as const;

/**
 * §3.4: the curator updates the list of teachers who need a mentor at least once a year. The
 * log records only entries into the mentee bank, so the last entry stands for the last update;
 * each entry is due a year after the one before it. No deadline before the bank exists.
 */
export function bankUpdateDeadlines(entryDates: string[], today: string) {
  const dates = [...new Set(entryDates)].sort();
  return dates.map((d, i) => {
    const due = addMonths(d, 12);
    const doneOn: string | undefined = dates[i + 1];
    return { ...BANK_UPDATE, due, doneOn, ...deadlineStatus(due, doneOn, today, true)! };
  });
}
