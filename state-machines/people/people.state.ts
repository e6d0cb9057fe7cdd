import type { BusinessDate } from '../shared/business-date';
import type { PeopleEvent } from './people.events';

export interface PersonState {
  personId: string;
  orgId: string;
  fullName: string;
  position: string;
  firstWorkingDay: BusinessDate;
  personalDataConsent?: { date: BusinessDate; documentRef: string };
}

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
    else if (e.type === 'PersonalDataConsentRecorded' && s) s = { ...s, personalDataConsent: { date: e.data.date, documentRef: e.data.documentRef } };
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
