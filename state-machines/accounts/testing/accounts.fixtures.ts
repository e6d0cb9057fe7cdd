import type { Actor } from '../../people/roles';
import type { AccountEvent } from '../accounts.events';

export const ORG = 'org-a';
export const ADMIN: Actor = { userId: 'admin-1', orgId: ORG, roles: ['admin'] };
export const CURATOR: Actor = { userId: 'curator-1', orgId: ORG, roles: ['curator'] };
export const OTHER_ADMIN: Actor = { userId: 'admin-9', orgId: 'org-b', roles: ['admin'] };
export const ISSUED = '2026-05-01T06:00:00.000Z';
export const NOW = '2026-11-24T06:00:00.000Z';

/** A mentor's account, linked to the staff member it is. */
export const MENTOR_CREATED: AccountEvent = {
  type: 'UserCreated',
  data: { userId: 'user-7', orgId: ORG, name: 'Наставник', roles: ['mentor'], personId: 'person-7', tokenHash: 'hash-1', issuedAt: ISSUED },
};
export const DISABLED_BY_ADMIN: AccountEvent = { type: 'AccountDisabled', data: { userId: 'user-7', reason: 'by-admin', at: '2026-11-01T06:00:00.000Z' } };
