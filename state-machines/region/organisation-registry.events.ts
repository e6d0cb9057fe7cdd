import { z } from 'zod';

/**
 * Stream `registry-<orgId>`: the organisation's entry in the region's register, kept by the system
 * administrator: its name in lists, its municipality and region, its time zone, and whether its
 * accounts work. Its details as documents print them stay in `organisation-<orgId>`.
 */
export const organisationRegistered = z.object({
  orgId: z.string(),
  name: z.string(),
  regionId: z.string(),
  municipalityId: z.string(),
  timeZone: z.string(),
  /** The account made with it, when one was (the configured first organisation already has its administrator). */
  administratorId: z.string().optional(),
  date: z.string(),
});
export const organisationRenamed = z.object({ orgId: z.string(), name: z.string(), date: z.string() });
export const organisationDisabled = z.object({ orgId: z.string(), date: z.string() });
export const organisationEnabled = z.object({ orgId: z.string(), date: z.string() });

export const REGISTRY_EVENT_SCHEMAS = {
  OrganisationRegistered: organisationRegistered,
  OrganisationRenamed: organisationRenamed,
  OrganisationDisabled: organisationDisabled,
  OrganisationEnabled: organisationEnabled,
} as const;

type Schemas = typeof REGISTRY_EVENT_SCHEMAS;
export type RegistryEventType = keyof Schemas;
export type RegistryEvent = { [K in RegistryEventType]: { type: K; data: z.infer<Schemas[K]> } }[RegistryEventType];

export const isRegistryEventType = (type: string): type is RegistryEventType => Object.prototype.hasOwnProperty.call(REGISTRY_EVENT_SCHEMAS, type);

export function parseRegistryEvent(event: { type: string; data: unknown }): RegistryEvent {
  if (!isRegistryEventType(event.type)) throw new Error(`Unknown registry event type: ${event.type}`);
  return { type: event.type, data: REGISTRY_EVENT_SCHEMAS[event.type].parse(event.data) } as RegistryEvent;
}
