import { businessDateOf, type BusinessDate } from '../../../../state-machines/shared/business-date';

/** The only source of "now" in the app; the core receives dates as inputs. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

let lastToday = { minute: NaN, timeZone: '', date: '' };

/**
 * The organisation's "today" for business-date rules (documents are dated in local time).
 * Zone offsets are whole minutes, so the date is computed once per UTC minute, not per step.
 */
export function todayIn(clock: Clock, timeZone: string): BusinessDate {
  const now = clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastToday.minute || timeZone !== lastToday.timeZone) lastToday = { minute, timeZone, date: businessDateOf(now, timeZone) };
  return lastToday.date;
}
