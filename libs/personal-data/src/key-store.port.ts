/**
 * Keys that encrypt each person's personal fields, kept apart from the event log: destroying a
 * key erases the person's data from every copy of the log (crypto-shredding) without touching it.
 */
export const PERSONAL_KEY_STORE = Symbol('PERSONAL_KEY_STORE');

export interface PersonalKeyStore {
  /** The subject's key, made on first use; `null` once destroyed (nothing more may be encrypted for them). */
  keyFor(subject: string, orgId: string): Promise<Buffer | null>;
  /** The key if there is one: `null` when destroyed, `undefined` when never made. */
  existingKey(subject: string): Promise<Buffer | null | undefined>;
  /** Destroys the key for good; idempotent. */
  destroy(subject: string, destroyedAt: string): Promise<void>;
  close(): Promise<void>;
}
