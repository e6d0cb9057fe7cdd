import { z } from 'zod';
import { businessDate } from '../shared/business-date';

/**
 * Streams `person-<id>` (the staff member and their personal-data consent),
 * `mentor-<personId>` (mentor bank entry and the places reserved in the mentor's load) and
 * `mentee-<personId>` (mentee bank entry with professional requests).
 */
const id = z.string().min(1).max(100);

export const PEOPLE_EVENT_SCHEMAS = {
  PersonRegistered: z.object({
    personId: id, orgId: id,
    fullName: z.string().min(1).max(300), position: z.string().min(1).max(300), firstWorkingDay: businessDate,
  }),
  PersonalDataConsentRecorded: z.object({ personId: id, date: businessDate, documentRef: z.string().min(1).max(200) }),
  MentorBankEntered: z.object({ personId: id, orgId: id, competences: z.array(z.string().min(1).max(300)).min(1) }),
  MenteeSlotsReserved: z.object({ mentorId: id, mentorshipId: id, menteeIds: z.array(id).min(1) }),
  MenteeBankEntered: z.object({ personId: id, orgId: id, requests: z.array(z.string().min(1).max(300)).min(1) }),
  PersonalDataConsentWithdrawn: z.object({ personId: id, date: businessDate, documentRef: z.string().min(1).max(200) }),
  /** The record of destruction the law asks for: what was destroyed, when, on whose order (the actor is in the metadata). */
  PersonalDataDestroyed: z.object({
    personId: id, orgId: id, fields: z.array(z.string()).min(1), date: businessDate,
    order: z.object({ number: z.string().min(1).max(100), date: businessDate }),
  }),
} as const;

type Schemas = typeof PEOPLE_EVENT_SCHEMAS;
export type PeopleEventType = keyof Schemas;
export type PeopleEvent = { [K in PeopleEventType]: { type: K; data: z.infer<Schemas[K]> } }[PeopleEventType];

export const isPeopleEventType = (type: string): type is PeopleEventType =>
  Object.prototype.hasOwnProperty.call(PEOPLE_EVENT_SCHEMAS, type);

export function parsePeopleEvent(event: { type: string; data: unknown }): PeopleEvent {
  if (!isPeopleEventType(event.type)) throw new Error(`Unknown people event type: ${event.type}`);
  return { type: event.type, data: PEOPLE_EVENT_SCHEMAS[event.type].parse(event.data) } as PeopleEvent;
}
