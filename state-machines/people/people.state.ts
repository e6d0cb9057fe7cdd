import type { BusinessDate } from '../shared/business-date';
import type { PeopleEvent } from './people.events';

export interface PersonState {
  personId: string;
  orgId: string;
  fullName: string;
  position: string;
  firstWorkingDay: BusinessDate;
  personalDataConsent?: { date: BusinessDate; documentRef: string };
  /** Written withdrawal of the consent: processing stops (no proposal, no bank entry). */
  consentWithdrawn?: { date: BusinessDate; documentRef: string };
  /** The person's key is destroyed: the personal fields read as erased from then on. */
  personalDataDestroyed?: { date: BusinessDate; orderNumber: string };
}

/** Consent given and not withdrawn: the only state in which a person's data may be processed further. */
export const hasPersonalDataConsent = (p: PersonState | undefined): boolean => !!p?.personalDataConsent && !p.consentWithdrawn;

export interface MentorState {
  inBank: boolean;
  competences: string[];
  reservations: { mentorshipId: string; menteeIds: string[] }[];
}

export interface MenteeState {
  inBank: boolean;
  requests: string[];
}

export function foldPerson(events: PeopleEvent[]): PersonState | undefined {
  let s: PersonState | undefined;
  for (const e of events) {
    if (e.type === 'PersonRegistered') s = { ...e.data };
    else if (e.type === 'PersonalDataConsentRecorded' && s) s = { ...s, personalDataConsent: { date: e.data.date, documentRef: e.data.documentRef }, consentWithdrawn: undefined };
    else if (e.type === 'PersonalDataConsentWithdrawn' && s) s = { ...s, consentWithdrawn: { date: e.data.date, documentRef: e.data.documentRef } };
    else if (e.type === 'PersonalDataDestroyed' && s) s = { ...s, personalDataDestroyed: { date: e.data.date, orderNumber: e.data.order.number } };
  }
  return s;
}

export function foldMentor(events: PeopleEvent[]): MentorState {
  const s: MentorState = { inBank: false, competences: [], reservations: [] };
  for (const e of events) {
    if (e.type === 'MentorBankEntered') Object.assign(s, { inBank: true, competences: e.data.competences });
    else if (e.type === 'MenteeSlotsReserved') s.reservations.push({ mentorshipId: e.data.mentorshipId, menteeIds: e.data.menteeIds });
  }
  return s;
}

export function foldMentee(events: PeopleEvent[]): MenteeState {
  const s: MenteeState = { inBank: false, requests: [] };
  for (const e of events) if (e.type === 'MenteeBankEntered') Object.assign(s, { inBank: true, requests: e.data.requests });
  return s;
}
