import type { Config } from './config.schema';

/** The whole configuration of the process (config.schema.ts), for modules to derive their options from. */
export const CONFIG = Symbol('CONFIG');

/** The settings command handlers and queries read, taken from CONFIG. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  /** Organisation served by users created without one; every event and row carries its org id. */
  defaultOrgId: string;
  /** Zone of the organisation's business dates ("today"). */
  timeZone: string;
  /** How long a mentor-load reservation without its mentorship stream still counts (crash window). */
  reservationGraceMs: number;
}

export const appConfigOf = (config: Pick<Config, 'ORG_ID' | 'TIME_ZONE' | 'RESERVATION_GRACE_MS'>): AppConfig => ({
  defaultOrgId: config.ORG_ID,
  timeZone: config.TIME_ZONE,
  reservationGraceMs: config.RESERVATION_GRACE_MS,
});
