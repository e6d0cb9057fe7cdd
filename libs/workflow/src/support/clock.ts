import { businessDateOf, type BusinessDate } from '../../../../state-machines/shared/business-date';

/** The only source of "now" in the app; the core receives dates as inputs. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The organisation's "today" for business-date rules (documents are dated in local time). */
export const todayIn = (clock: Clock, timeZone: string): BusinessDate => businessDateOf(clock.now(), timeZone);
