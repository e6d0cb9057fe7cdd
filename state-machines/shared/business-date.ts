import { z } from 'zod';

/** A business date as the documents carry it: `YYYY-MM-DD`, no time, no zone. */
export type BusinessDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** A real day of the (proleptic Gregorian) calendar in `YYYY-MM-DD`: checked by arithmetic, as every event's dates are parsed on every step. */
export function isBusinessDate(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** `ДД.ММ.ГГГГ` (as people and spreadsheets write dates) becomes `ГГГГ-ММ-ДД`; anything else is returned trimmed, for the schema to judge. */
export function fromRussianDate(text: string): string {
  const ru = RUSSIAN.exec(text.trim());
  return ru ? `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : text.trim();
}

/** Marks the refinement of a business date, so validation messages can speak of dates rather than of a failed check. */
export const BUSINESS_DATE_CHECK = 'business-date';

/**
 * A date in a command: `ГГГГ-ММ-ДД`, or `ДД.ММ.ГГГГ` as a person types it, stored as `ГГГГ-ММ-ДД` either way
 * (ISO stays in data; people read dates through `ruDate`).
 */
export const businessDate = z
  .string()
  .overwrite(fromRussianDate)
  .refine(isBusinessDate, { message: 'Дата — в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, и такой день есть в календаре', params: { check: BUSINESS_DATE_CHECK } })
  .describe('Дата (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)')
  // JSON Schema says `format: date`, so generated forms offer a date picker.
  .meta({ format: 'date' });

/** `2026-12-07` → `07.12.2026`: the one way a date is written in a Russian sentence. Text that is not a date is returned as it is. */
export function ruDate(d: BusinessDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : d;
}

/**
 * The window of dates a request may carry. The fixed bounds live in the schema below; the upper
 * bound that moves with "today" (`latestBusinessDate`) is checked where today is known, by the shell
 * (`parseBody` with today; docs/api.md, "Dates"). Stored events keep `businessDate`: what was once
 * accepted still folds.
 */
export const EARLIEST_BUSINESS_DATE: BusinessDate = '1950-01-01';
export const LAST_BUSINESS_DATE: BusinessDate = '2099-12-31';
export const YEARS_AHEAD = 5;

/** Marks the refinement of the window, so validation messages name the field and its bounds as ДД.ММ.ГГГГ. */
export const BUSINESS_DATE_WINDOW_CHECK = 'business-date-window';

/**
 * A business date a command or query may carry: a real day from 01.01.1950 to 31.12.2099, typed as
 * `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` and stored as `ГГГГ-ММ-ДД` (it is `businessDate` with the window).
 */
export const businessDateInput = businessDate
  // A malformed date is refused once, by the format check above.
  .refine((d) => !isBusinessDate(d) || (d >= EARLIEST_BUSINESS_DATE && d <= LAST_BUSINESS_DATE), {
    message: `Дата — не раньше ${ruDate(EARLIEST_BUSINESS_DATE)} и не позже ${ruDate(LAST_BUSINESS_DATE)}`,
    params: { check: BUSINESS_DATE_WINDOW_CHECK },
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
