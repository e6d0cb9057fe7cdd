import type { ProductionCalendarYear } from './calendar-year';

/**
 * 2025. Holidays of ТК РФ ст. 112 and the transfers of Постановление Правительства РФ от 04.10.2024
 * № 1335 «О переносе выходных дней в 2025 году»: Sat 4 Jan → Fri 2 May, Sun 5 Jan → Wed 31 Dec,
 * Sun 23 Feb → Thu 8 May, Sat 8 Mar → Fri 13 Jun, Sat 1 Nov (a working day) → Mon 3 Nov.
 * 247 working days.
 */
export const RU_2025: ProductionCalendarYear = {
  year: 2025,
  source: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»; ТК РФ ст. 112',
  nonWorkingWeekdays: [
    '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08',
    '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09',
    '2025-06-12', '2025-06-13',
    '2025-11-03', '2025-11-04',
    '2025-12-31',
  ],
  workingWeekends: ['2025-11-01'],
};
