import type { Role } from '../people/roles';
import type { RegionAccess } from '../region/region-access';
import type { AccountEvent, DisableReason } from './accounts.events';

/** An account as its stream folds: who it is, the hash of its one valid token, and whether it is disabled. */
export interface AccountState {
  userId: string;
  orgId: string;
  name: string;
  roles: readonly Role[];
  personId?: string;
  region?: RegionAccess;
  email?: string;
  tokenHash: string;
  /** When the valid token was issued or rotated (ISO instant): its expiry counts from here. */
  tokenIssuedAt: string;
  disabled?: { reason: DisableReason; at: string };
}

/**
 * `UserCreated` written before tokens expired had no `issuedAt`: its `recordedAt` (the app's clock
 * when it was written) is when the token was issued. Upcast on read, so the fold sees one shape.
 */
export function upcastAccountEvent(event: AccountEvent, recordedAt: string): AccountEvent {
  if (event.type !== 'UserCreated' || event.data.issuedAt) return event;
  return { type: 'UserCreated', data: { ...event.data, issuedAt: recordedAt } };
}

export function evolveAccount(s: AccountState | undefined, e: AccountEvent): AccountState | undefined {
  switch (e.type) {
    case 'UserCreated': {
      const { userId, orgId, name, roles, personId, region, email, tokenHash, issuedAt } = e.data;
      return { userId, orgId, name, roles, personId, ...(region ? { region } : {}), email, tokenHash, tokenIssuedAt: issuedAt ?? '' };
    }
    case 'AccountDisabled':
      return s && { ...s, disabled: { reason: e.data.reason, at: e.data.at } };
    case 'AccountEnabled':
      return s && { ...s, disabled: undefined };
    case 'TokenRotated':
      return s && { ...s, tokenHash: e.data.tokenHash, tokenIssuedAt: e.data.issuedAt };
  }
}

export const foldAccount = (events: readonly AccountEvent[]): AccountState | undefined =>
  events.reduce<AccountState | undefined>(evolveAccount, undefined);
