import { z } from 'zod';
import { role } from '../people/roles';
import { regionAccess } from '../region/region-access';

/**
 * Stream `user-<id>`: an account with its roles, its state (active or disabled) and the hash of its
 * one valid token; the token itself is never stored. Times are ISO instants from the app's clock.
 */
export const userCreated = z.object({
  userId: z.string(),
  orgId: z.string(),
  name: z.string(),
  /** Empty only for an account above organisations (`region`). */
  roles: z.array(role),
  /** An account above organisations: the system administrator's or a coordinator's access. */
  region: regionAccess.optional(),
  personId: z.string().optional(),
  tokenHash: z.string(),
  /** Where reminders go; personal data (encrypted with the person's name, erased with it). */
  email: z.string().optional(),
  /** When the token was issued (its expiry counts from here); events written before it existed use their `recordedAt`. */
  issuedAt: z.string().optional(),
}).refine((u) => u.roles.length > 0 || u.region !== undefined, 'У учётной записи должна быть роль');
export type UserCreated = z.infer<typeof userCreated>;

/** Why an account stopped working: the administrator's decision, or the person's data may no longer be processed (152-ФЗ). */
export const DISABLE_REASONS = ['by-admin', 'consent-withdrawn', 'personal-data-destroyed'] as const;
export const disableReason = z.enum(DISABLE_REASONS);
export type DisableReason = z.infer<typeof disableReason>;

export const accountDisabled = z.object({ userId: z.string(), reason: disableReason, at: z.string() });
export const accountEnabled = z.object({ userId: z.string(), at: z.string() });
/** A new token replaces the old one at once: only the new hash is valid from this event on. */
export const tokenRotated = z.object({ userId: z.string(), tokenHash: z.string(), issuedAt: z.string() });

export const ACCOUNT_EVENT_SCHEMAS = {
  UserCreated: userCreated,
  AccountDisabled: accountDisabled,
  AccountEnabled: accountEnabled,
  TokenRotated: tokenRotated,
} as const;

type Schemas = typeof ACCOUNT_EVENT_SCHEMAS;
export type AccountEventType = keyof Schemas;
export type AccountEvent = { [K in AccountEventType]: { type: K; data: z.infer<Schemas[K]> } }[AccountEventType];

export const isAccountEventType = (type: string): type is AccountEventType => Object.prototype.hasOwnProperty.call(ACCOUNT_EVENT_SCHEMAS, type);

export function parseAccountEvent(event: { type: string; data: unknown }): AccountEvent {
  if (!isAccountEventType(event.type)) throw new Error(`Unknown account event type: ${event.type}`);
  return { type: event.type, data: ACCOUNT_EVENT_SCHEMAS[event.type].parse(event.data) } as AccountEvent;
}
