import { z } from 'zod';

/** A business date as the documents carry it: `YYYY-MM-DD`, no time, no zone. */
export type BusinessDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isBusinessDate(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const businessDate = z
  .string()
  .refine(isBusinessDate, { message: 'Дата должна быть в формате ГГГГ-ММ-ДД и существовать в календаре' })
  .describe('Дата в формате ГГГГ-ММ-ДД')
  // JSON Schema says `format: date`, so generated forms offer a date picker.
  .meta({ format: 'date' });

/**
 * The window of dates a request may carry. The fixed bounds live in the schema below; the upper
 * bound that moves with "today" (`latestBusinessDate`) is checked where today is known, by the shell
 * (`parseBody` with today; docs/api.md, "Dates"). Stored events keep `businessDate`: what was once
 * accepted still folds.
 */
export const EARLIEST_BUSINESS_DATE: BusinessDate = '1950-01-01';
export const LAST_BUSINESS_DATE: BusinessDate = '2099-12-31';
export const YEARS_AHEAD = 5;

/** A business date a command or query may carry: a real day from 1950-01-01 to 2099-12-31. */
export const businessDateInput = businessDate
  // A malformed date is refused once, by the format check above.
  .refine((d) => !isBusinessDate(d) || (d >= EARLIEST_BUSINESS_DATE && d <= LAST_BUSINESS_DATE), {
    message: `Дата должна быть не раньше ${EARLIEST_BUSINESS_DATE} и не позже ${LAST_BUSINESS_DATE}`,
  });

const toUtc = (d: BusinessDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number): BusinessDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(d: BusinessDate, days: number): BusinessDate {
  return fromUtc(toUtc(d) + days * DAY_MS);
}

/** Calendar months; the 31st plus one month is the last day of the shorter month. */
export function addMonths(d: BusinessDate, months: number): BusinessDate {
  const [y, m, day] = d.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a >= b ? a : b);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` for a day and a zone, e.g. the organisation's Europe/Moscow "today". */
export function businessDateOf(instant: Date, timeZone: string): BusinessDate {
  let f = formatters.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than using one: keep one per zone.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

/** The latest date a request may carry on `today`: five years ahead (a plan, a deadline, a first working day). */
export const latestBusinessDate = (today: BusinessDate): BusinessDate => addMonths(today, 12 * YEARS_AHEAD);
