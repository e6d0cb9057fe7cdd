import type { OrganisationDetails, OrganisationEvent } from './organisation.events';

export interface DetailsVersion extends OrganisationDetails {
  effectiveFrom: string;
}

/** The versions of the organisation's details, by the day each comes into force (one per day: a later entry corrects it). */
export interface OrganisationState {
  versions: readonly DetailsVersion[];
}

export const EMPTY_ORGANISATION: OrganisationState = { versions: [] };

export function evolveOrganisation(s: OrganisationState, e: OrganisationEvent): OrganisationState {
  const { orgId: _org, ...version } = e.data;
  const versions = [...s.versions.filter((v) => v.effectiveFrom !== version.effectiveFrom), version];
  return { versions: versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)) };
}

export const foldOrganisation = (events: readonly OrganisationEvent[]): OrganisationState => events.reduce(evolveOrganisation, EMPTY_ORGANISATION);

/** The details in force on `date`: the last version whose `effectiveFrom` is not after it. */
export function detailsOn(s: OrganisationState, date: string): DetailsVersion | undefined {
  let found: DetailsVersion | undefined;
  for (const v of s.versions) if (v.effectiveFrom <= date) found = v;
  return found;
}
