import type { Config } from '#libs/kernel';

/** Settings of the hash chain (see README, "Integrity"). */
export const INTEGRITY_OPTIONS = Symbol('INTEGRITY_OPTIONS');

export interface IntegrityOptions {
  /** `off`: this process does not seal (another process does, or a test does not want a writer in the background). */
  sealer: 'on' | 'off';
  /** Record a chain's head after this many new links (and chains left behind by this many log events). */
  headEveryEvents: number;
  /** …and every this many milliseconds when a chain has new links. */
  headEveryMs: number;
  /** Live, seal at most once per this many milliseconds (`AUDIT_SEAL_EVERY_MS`, 250; 0: at once). */
  sealEveryMs?: number;
}

/** From the parsed config: `AUDIT_SEALER`, `AUDIT_HEAD_EVERY_EVENTS`, `AUDIT_HEAD_EVERY_SECONDS`, `AUDIT_SEAL_EVERY_MS`. */
export function integrityOptionsOf(config: Config): IntegrityOptions {
  return {
    sealer: config.AUDIT_SEALER,
    headEveryEvents: config.AUDIT_HEAD_EVERY_EVENTS,
    headEveryMs: config.AUDIT_HEAD_EVERY_SECONDS * 1000,
    sealEveryMs: config.AUDIT_SEAL_EVERY_MS,
  };
}
