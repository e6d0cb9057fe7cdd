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
  /** The organisation as its documents name it (`ORG_NAME`), for statements and audit packages. */
  orgName?: string;
}

const num = (v: string | undefined, fallback: number, name: string, min = 1): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}=${v}: нужно ${min > 0 ? 'положительное ' : 'неотрицательное '}целое число`);
  return n;
};

/** `AUDIT_SEALER` (`on` by default), `AUDIT_HEAD_EVERY_EVENTS` (10,000), `AUDIT_HEAD_EVERY_SECONDS` (60), `AUDIT_SEAL_EVERY_MS` (250). */
export function integrityOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): IntegrityOptions {
  const sealer = env.AUDIT_SEALER || 'on';
  if (sealer !== 'on' && sealer !== 'off') throw new Error(`AUDIT_SEALER=${sealer}: нужно on или off`);
  return {
    sealer,
    headEveryEvents: num(env.AUDIT_HEAD_EVERY_EVENTS, 10_000, 'AUDIT_HEAD_EVERY_EVENTS'),
    headEveryMs: num(env.AUDIT_HEAD_EVERY_SECONDS, 60, 'AUDIT_HEAD_EVERY_SECONDS') * 1000,
    sealEveryMs: num(env.AUDIT_SEAL_EVERY_MS, 250, 'AUDIT_SEAL_EVERY_MS', 0),
    orgName: env.ORG_NAME?.trim() || undefined,
  };
}
