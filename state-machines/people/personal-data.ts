/**
 * Which fields of which stored events are personal data (encrypted with the person's key, erasable)
 * and what a reader sees once the key is destroyed. Dates, positions, states and reasons stay in
 * clear so history and monitoring figures survive an erasure.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, { subject: string; fields: readonly string[] }>> = {
  PersonRegistered: { subject: 'personId', fields: ['fullName'] },
  /** A user account linked to a staff member carries their name too; an account of no one in particular stays in clear. */
  UserCreated: { subject: 'personId', fields: ['name', 'email'] },
};

/** Personal-data law (152-ФЗ) as the roadmap's bank stages invoke it. */
export const PERSONAL_DATA_CLAUSE = 'Дорожная карта, этапы 2–3; 152-ФЗ, ст. 9 и 21';

/** Shown in place of an erased personal field, everywhere. */
export const ERASED = 'Персональные данные уничтожены';

/** What a destruction record lists as destroyed: every personal field, as `Event.field`. */
export const PERSONAL_FIELD_NAMES: readonly string[] = Object.entries(PERSONAL_FIELDS).flatMap(([type, spec]) => spec.fields.map((f) => `${type}.${f}`));
