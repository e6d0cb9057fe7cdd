import { z } from 'zod';

/**
 * The organisation id of accounts above organisations (the system administrator, the coordinators): no
 * organisation has it (an organisation's code has no underscore), so every route of an organisation
 * reads nothing for them and every command of one is refused.
 */
export const SYSTEM_ORG_ID = '_system';

/** A code chosen for a region, a municipality or an organisation: latin letters, digits and dashes. */
export const territoryCode = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'Код: строчные буквы латинского алфавита, цифры и дефисы, до 64 знаков');

/** What a coordinator reads: one municipality of a region, or the whole region. */
export const territory = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('municipality'), regionId: z.string(), municipalityId: z.string() }),
  z.object({ kind: z.literal('region'), regionId: z.string() }),
]);
export type Territory = z.infer<typeof territory>;

/**
 * The access of an account above organisations. The system administrator registers regions,
 * municipalities and organisations, and makes the accounts of this level; the coordinator reads the
 * aggregated figures of the organisations of its territory, never a person's data.
 */
export const regionAccess = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system-admin') }),
  z.object({ role: z.literal('coordinator'), territory }),
]);
export type RegionAccess = z.infer<typeof regionAccess>;
export type RegionRole = RegionAccess['role'];

export const REGION_ROLE_TITLES: Record<RegionRole, string> = {
  'system-admin': 'системный администратор',
  coordinator: 'координатор',
};
