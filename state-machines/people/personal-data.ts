/**
 * Which fields of which stored events are personal data (encrypted with the person's key, erasable)
 * and what a reader sees once the key is destroyed. Dates, positions, states and reasons stay in
 * clear so history and monitoring figures survive an erasure.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, { subject: string; fields: readonly string[] }>> = {
  PersonRegistered: { subject: 'personId', fields: ['fullName'] },
};

/** Shown in place of an erased personal field, everywhere. */
export const ERASED = 'Персональные данные уничтожены';
