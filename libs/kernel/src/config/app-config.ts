/** Settings read once from the environment at start (see README, "Configuration"). */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  /** Organisation served by users created without one; every event and row carries its org id. */
  defaultOrgId: string;
  /** Zone of the organisation's business dates ("today"). */
  timeZone: string;
  /** How long a mentor-load reservation without its mentorship stream still counts (crash window). */
  reservationGraceMs: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    defaultOrgId: env.ORG_ID || 'default',
    timeZone: env.TIME_ZONE || 'Europe/Moscow',
    reservationGraceMs: Number(env.RESERVATION_GRACE_MS || 5 * 60_000),
  };
}
