import type { Config } from './config.schema';

/** The whole configuration of the process (config.schema.ts), for modules to derive their options from. */
export const CONFIG = Symbol('CONFIG');

/** The settings command handlers and queries read, taken from CONFIG. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Requests per minute from one client address (0: no limit): failed sign-ins, and each costly route. */
export interface RateLimits {
  /** Requests whose token was refused (unknown, disabled, replaced, expired): a guessing attack. */
  failedAuth: number;
  /** Integrity verification, its statement and audit packages (the whole log is read and hashed). */
  verify: number;
  /** The organisation as of a date (the log is folded up to it). */
  asOf: number;
  /** Documents (DOCX/HTML) and report exports (XLSX/CSV). */
  files: number;
  /** Staff list import (a spreadsheet is parsed). */
  import: number;
}

export interface AppConfig {
  /** Organisation served by users created without one; every event and row carries its org id. */
  defaultOrgId: string;
  /** Zone of the organisation's business dates ("today"). */
  timeZone: string;
  /** How long a mentor-load reservation without its mentorship stream still counts (crash window). */
  reservationGraceMs: number;
  /** Days a bearer token works after it is issued or rotated; null: tokens never expire. */
  tokenTtlDays: number | null;
  rateLimits: RateLimits;
}

type AppConfigSource = Pick<
  Config, 'ORG_ID' | 'TIME_ZONE' | 'RESERVATION_GRACE_MS' | 'TOKEN_TTL_DAYS'
  | 'RATE_LIMIT_FAILED_AUTH' | 'RATE_LIMIT_VERIFY' | 'RATE_LIMIT_AS_OF' | 'RATE_LIMIT_FILES' | 'RATE_LIMIT_IMPORT'
>;

export const appConfigOf = (config: AppConfigSource): AppConfig => ({
  defaultOrgId: config.ORG_ID,
  timeZone: config.TIME_ZONE,
  reservationGraceMs: config.RESERVATION_GRACE_MS,
  tokenTtlDays: config.TOKEN_TTL_DAYS,
  rateLimits: {
    failedAuth: config.RATE_LIMIT_FAILED_AUTH, verify: config.RATE_LIMIT_VERIFY, asOf: config.RATE_LIMIT_AS_OF,
    files: config.RATE_LIMIT_FILES, import: config.RATE_LIMIT_IMPORT,
  },
});
