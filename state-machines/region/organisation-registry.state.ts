import type { RegistryEvent } from './organisation-registry.events';

/** An organisation as the register has it. `disabledOn`: the day its accounts stopped, or null while they work. */
export interface RegisteredOrganisation {
  orgId: string;
  name: string;
  regionId: string;
  municipalityId: string;
  timeZone: string;
  registeredOn: string;
  disabledOn: string | null;
}

export function evolveRegistry(s: RegisteredOrganisation | undefined, e: RegistryEvent): RegisteredOrganisation | undefined {
  switch (e.type) {
    case 'OrganisationRegistered': {
      const { orgId, name, regionId, municipalityId, timeZone, date } = e.data;
      return { orgId, name, regionId, municipalityId, timeZone, registeredOn: date, disabledOn: null };
    }
    case 'OrganisationRenamed':
      return s && { ...s, name: e.data.name };
    case 'OrganisationDisabled':
      return s && { ...s, disabledOn: e.data.date };
    case 'OrganisationEnabled':
      return s && { ...s, disabledOn: null };
  }
}

export const foldRegistry = (events: readonly RegistryEvent[]): RegisteredOrganisation | undefined =>
  events.reduce<RegisteredOrganisation | undefined>(evolveRegistry, undefined);
