import type { ProductionCalendarYear } from './calendar-year';

/**
 * 2026. Holidays of ТК РФ ст. 112 (a holiday on a weekend moves to the next working day: Sun 8 Mar →
 * Mon 9 Mar, Sat 9 May → Mon 11 May) and the transfers of Постановление Правительства РФ от 24.09.2025
 * № 1466 «О переносе выходных дней в 2026 году»: Sat 3 Jan → Fri 9 Jan, Sun 4 Jan → Thu 31 Dec.
 * No working weekend days. 247 working days.
 */
export const RU_2026: ProductionCalendarYear = {
  year: 2026,
  source: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»; ТК РФ ст. 112',
  nonWorkingWeekdays: [
    '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01', '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ],
  workingWeekends: [],
};
