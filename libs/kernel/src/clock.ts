import { businessDateOf, type BusinessDate } from '#core/shared';

/** The only source of "now" in the app; the core receives dates as inputs. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at its creation and then runs at real speed (durations stay real,
 * the calendar is the one given): tests, rehearsals on another date (`CLOCK_START`).
 */
export function clockStartingAt(start: Date): Clock {
  if (Number.isNaN(start.getTime())) throw new Error('clockStartingAt: invalid start instant');
  const origin = performance.now();
  const startMs = start.getTime();
  return { now: () => new Date(startMs + Math.floor(performance.now() - origin)) };
}

/** `CLOCK_START` (checked by the config) starts the process's clock there; unset: the system clock. */
export function clockOf(config: { CLOCK_START?: Date }): Clock {
  return config.CLOCK_START ? clockStartingAt(config.CLOCK_START) : systemClock;
}

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
