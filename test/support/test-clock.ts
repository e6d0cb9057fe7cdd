import { clockStartingAt, type Clock } from '#libs/kernel';

/** The tests' "today": every fixture date is written against it, never against the machine's calendar. */
export const TODAY = '2026-11-24';

/** 09:00 in Moscow on `today`: far from midnight in the organisation's zone and in UTC. */
export const morningOf = (today: string): Date => new Date(`${today}T09:00:00+03:00`);

/** A clock that starts at 09:00 (Moscow) on `today` and runs at real speed, so durations stay real. */
export const testClockAt = (today: string): Clock => clockStartingAt(morningOf(today));

/**
 * This test file's clock (jest gives each file its own module registry): what stamps `created` in the
 * stores, the sealer, the key store, reminders, lag and documents of the app under test.
 */
export const testClock: Clock = testClockAt(TODAY);

/** A clock that can be moved forward by hand (a token's expiry, a deadline), otherwise like `testClockAt`. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClockAt(today: string): MovableClock {
  const base = testClockAt(today);
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      if (ms < 0) throw new Error('a clock only moves forward');
      offset += ms;
    },
  };
}

/** `CLOCK_START` for a server started as a child process, so it shares the tests' calendar. */
export const CLOCK_START = `${TODAY}T09:00:00+03:00`;
