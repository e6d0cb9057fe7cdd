import { z } from 'zod';
import type { RegionAccess } from '../region/region-access';

export const ROLES = ['admin', 'head', 'curator', 'methodist', 'mentor', 'mentee', 'auditor'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const ROLE_TITLES: Record<Role, string> = {
  admin: 'администратор',
  head: 'заведующий',
  curator: 'куратор',
  methodist: 'член методического совета',
  mentor: 'наставник',
  mentee: 'наставляемый',
  auditor: 'аудитор',
};

/** Who is acting: the shell resolves it from the token; the core only reads it. */
export interface Actor {
  userId: string;
  orgId: string;
  roles: readonly Role[];
  personId?: string;
  /** An account above organisations (its `orgId` is `SYSTEM_ORG_ID` and it has no role in one): what it may do there. */
  region?: RegionAccess;
}
