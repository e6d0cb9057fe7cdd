import { z } from 'zod';

/**
 * Stream `organisation-<orgId>`: the organisation's details as its documents print them, each version
 * in force from its `effectiveFrom` (a business date) until the next one; a version recorded again for
 * the same day corrects it. Names of the head and the curator are those of officials signing documents.
 */
export const organisationDetails = z.object({
  fullName: z.string(),
  shortName: z.string(),
  address: z.string(),
  headName: z.string(),
  headPosition: z.string(),
  curatorName: z.string().optional(),
  curatorPosition: z.string().optional(),
});
export type OrganisationDetails = z.infer<typeof organisationDetails>;

export const organisationDetailsRecorded = organisationDetails.extend({
  orgId: z.string(),
  effectiveFrom: z.string(),
});
export type OrganisationDetailsRecorded = z.infer<typeof organisationDetailsRecorded>;

export const ORGANISATION_EVENT_SCHEMAS = { OrganisationDetailsRecorded: organisationDetailsRecorded } as const;
export type OrganisationEvent = { type: 'OrganisationDetailsRecorded'; data: OrganisationDetailsRecorded };

export function parseOrganisationEvent(event: { type: string; data: unknown }): OrganisationEvent {
  if (event.type !== 'OrganisationDetailsRecorded') throw new Error(`Unknown organisation event type: ${event.type}`);
  return { type: event.type, data: organisationDetailsRecorded.parse(event.data) };
}
