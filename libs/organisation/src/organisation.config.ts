import type { Config } from '#libs/kernel';

export const ORGANISATION_OPTIONS = Symbol('ORGANISATION_OPTIONS');

export interface OrganisationOptions {
  /** The organisation of the first administrator (`ORG_ID`): the one `ORG_NAME` names. */
  defaultOrgId: string;
  /** `ORG_NAME`: the first value of that organisation's name, printed until its details are entered in the app. */
  configuredName?: string;
}

export const organisationOptionsOf = (config: Pick<Config, 'ORG_ID' | 'ORG_NAME'>): OrganisationOptions => ({
  defaultOrgId: config.ORG_ID,
  configuredName: config.ORG_NAME,
});
