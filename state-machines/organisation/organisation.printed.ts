import { detailsOn, type OrganisationState } from './organisation.state';

/** A blank line to fill in by hand, where nothing says what the organisation is called. */
export const BLANK_ORGANISATION_NAME = '________________________ (наименование образовательной организации)';

/**
 * The organisation as a document dated `date` prints it: the details in force that day; before any were
 * entered, the name the server was configured with (`ORG_NAME`, the first value) or a blank line.
 */
export interface PrintedOrganisation {
  fullName: string;
  shortName: string;
  address: string | null;
  headName: string | null;
  headPosition: string;
  curatorName: string | null;
  curatorPosition: string | null;
  /** `entered` in the app (from `effectiveFrom`), from the `configuration`, or `blank`. */
  source: 'entered' | 'configuration' | 'blank';
  effectiveFrom: string | null;
}

export function printedOrganisation(state: OrganisationState, date: string, configuredName?: string): PrintedOrganisation {
  const v = detailsOn(state, date);
  if (v) {
    return {
      fullName: v.fullName, shortName: v.shortName, address: v.address, headName: v.headName, headPosition: v.headPosition,
      curatorName: v.curatorName ?? null, curatorPosition: v.curatorPosition ?? null, source: 'entered', effectiveFrom: v.effectiveFrom,
    };
  }
  const name = configuredName?.trim();
  return {
    fullName: name || BLANK_ORGANISATION_NAME, shortName: name || BLANK_ORGANISATION_NAME, address: null, headName: null, headPosition: 'Заведующий',
    curatorName: null, curatorPosition: null, source: name ? 'configuration' : 'blank', effectiveFrom: null,
  };
}
