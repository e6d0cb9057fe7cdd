/** Settings read once from the environment at start (see README, "Configuration"). */
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

export const DEFAULT_RATE_LIMITS: RateLimits = { failedAuth: 20, verify: 6, asOf: 20, files: 60, import: 10 };

const count = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${v}: нужно целое неотрицательное число`);
  return n;
};

/** `TOKEN_TTL_DAYS`: days, default 180; `0` or `off`: never. */
function tokenTtlDays(v: string | undefined): number | null {
  if (v?.trim().toLowerCase() === 'off') return null;
  const days = count(v, 180, 'TOKEN_TTL_DAYS');
  return days === 0 ? null : days;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const d = DEFAULT_RATE_LIMITS;
  return {
    defaultOrgId: env.ORG_ID || 'default',
    timeZone: env.TIME_ZONE || 'Europe/Moscow',
    reservationGraceMs: Number(env.RESERVATION_GRACE_MS || 5 * 60_000),
    tokenTtlDays: tokenTtlDays(env.TOKEN_TTL_DAYS),
    rateLimits: {
      failedAuth: count(env.RATE_LIMIT_FAILED_AUTH, d.failedAuth, 'RATE_LIMIT_FAILED_AUTH'),
      verify: count(env.RATE_LIMIT_VERIFY, d.verify, 'RATE_LIMIT_VERIFY'),
      asOf: count(env.RATE_LIMIT_AS_OF, d.asOf, 'RATE_LIMIT_AS_OF'),
      files: count(env.RATE_LIMIT_FILES, d.files, 'RATE_LIMIT_FILES'),
      import: count(env.RATE_LIMIT_IMPORT, d.import, 'RATE_LIMIT_IMPORT'),
    },
  };
}
