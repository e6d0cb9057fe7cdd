import { addDays, type BusinessDate } from '../business-date';
import type { ProductionCalendarYear } from './calendar-year';
import { RU_2025 } from './ru-2025';
import { RU_2026 } from './ru-2026';

export type { ProductionCalendarYear } from './calendar-year';

/**
 * The years shipped. A year is added when its decree is published (usually in the autumn before);
 * a date in a year not here is not guessed as Monday–Friday: the caller gets `missingYear`.
 */
export const PRODUCTION_CALENDARS: ReadonlyMap<number, ProductionCalendarYear> = new Map([RU_2025, RU_2026].map((y) => [y.year, y]));

export interface MissingYear {
  missingYear: number;
}

const compiled = new Map<number, { off: Set<string>; on: Set<string> }>();
function yearOf(year: number) {
  let c = compiled.get(year);
  const data = PRODUCTION_CALENDARS.get(year);
  if (!c && data) compiled.set(year, (c = { off: new Set(data.nonWorkingWeekdays), on: new Set(data.workingWeekends) }));
  return c;
}

/** Whether the day is a working day by the production calendar of its year; `missingYear` when that year is not shipped. */
export function isWorkingDay(date: BusinessDate): boolean | MissingYear {
  const year = Number(date.slice(0, 4));
  const c = yearOf(year);
  if (!c) return { missingYear: year };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? c.on.has(date) : !c.off.has(date);
}

/**
 * The `n`-th working day after `date` (the day itself not counted: a term in days runs from the next
 * day, ТК РФ ст. 14), or the first year the count reaches that is not shipped.
 */
export function addWorkingDays(date: BusinessDate, n: number): { date: BusinessDate } | MissingYear {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const working = isWorkingDay(d);
    if (typeof working === 'object') return working;
    if (working) left--;
  }
  return { date: d };
}
