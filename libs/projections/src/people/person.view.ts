/**
 * A staff member as the read side keeps them: registration, the date of personal-data consent
 * (not its document reference) and bank entries. Bank entries carry no business date, so the
 * day they were recorded, in the organisation's zone, stands for it.
 */
export interface PersonView {
  personId: string;
  orgId: string;
  fullName?: string;
  position?: string;
  firstWorkingDay?: string;
  personalDataConsentOn?: string;
  /** Written withdrawal of consent: the person leaves the banks' lists. */
  consentWithdrawnOn?: string;
  /** Key destroyed: the name reads as erased. */
  personalDataDestroyedOn?: string;
  mentorBank?: { competences: string[]; enteredOn: string };
  menteeBank?: { requests: string[]; enteredOn: string };
}
