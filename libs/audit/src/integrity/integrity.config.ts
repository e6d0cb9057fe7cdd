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
  /** `AUDIT_LOG_ORIGIN`: the logs' origin is `<it>/<orgId>`. */
  originBase?: string;
  /** `AUDIT_SIGNING_KEYS_DIR`; unset: `signing-keys` beside the personal-data key store (in memory with a store in memory). */
  signingKeysDir?: string;
  /** `AUDIT_WITNESS_URL` and `AUDIT_WITNESS_KEY`: the witness; unset: checkpoints are signed, not witnessed. */
  witnessUrl?: string;
  witnessKey?: string;
}

export const DEFAULT_ORIGIN_BASE = 'mentorship.local/journal';

/** From the parsed config: `AUDIT_*`. */
export function integrityOptionsOf(config: Config): IntegrityOptions {
  return {
    sealer: config.AUDIT_SEALER,
    headEveryEvents: config.AUDIT_HEAD_EVERY_EVENTS,
    headEveryMs: config.AUDIT_HEAD_EVERY_SECONDS * 1000,
    sealEveryMs: config.AUDIT_SEAL_EVERY_MS,
    originBase: config.AUDIT_LOG_ORIGIN,
    signingKeysDir: config.AUDIT_SIGNING_KEYS_DIR,
    witnessUrl: config.AUDIT_WITNESS_URL,
    witnessKey: config.AUDIT_WITNESS_KEY,
  };
}
