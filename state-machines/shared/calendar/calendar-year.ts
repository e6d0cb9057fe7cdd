import type { BusinessDate } from '../business-date';

/**
 * One year of the Russian production calendar (five-day week): which weekdays are not working days
 * (the holidays of ТК РФ ст. 112 and the days off moved onto weekdays) and which weekend days are
 * working days, as the Government's decree on transfers of days off for that year sets them.
 */
export interface ProductionCalendarYear {
  year: number;
  /** The decree the year is taken from, as published. */
  source: string;
  /** Monday–Friday dates that are not working days. */
  nonWorkingWeekdays: readonly BusinessDate[];
  /** Saturdays and Sundays the decree makes working days. */
  workingWeekends: readonly BusinessDate[];
}
