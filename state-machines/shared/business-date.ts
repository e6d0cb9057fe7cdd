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
