import { z } from 'zod';
import { businessDate } from '../shared/business-date';
import {
  activityKind, completionReason, mentoringForm, replacementReason,
} from './mentorship.vocabulary';

/**
 * The stored domain events of one mentorship (stream `mentorship-<id>`). They are also the
 * machine's events, so the state is a fold of the stream. Past tense; data only, no metadata.
 */
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const activity = z.object({
  id: z.string(),
  kind: activityKind,
  title: text(500),
  due: businessDate,
});
export type Activity = z.infer<typeof activity>;

const menteeFact = z.object({ personId: id, firstWorkingDay: businessDate });

export const mentorshipProposed = z.object({
  mentorshipId: id,
  orgId: id,
  mentorId: id,
  mentees: z.array(menteeFact).min(1),
  form: mentoringForm,
  topic: text(500),
  plannedStart: businessDate,
  plannedEnd: businessDate,
  date: businessDate,
});

/** First event of a successor mentorship after a mentor replacement (§3.8). */
export const mentorshipContinued = mentorshipProposed.extend({
  predecessorId: id,
  newMentorConsentRef: text(200),
  orderNumber: text(100),
});

export const consentRecorded = z.object({
  personId: id,
  given: z.boolean(),
  date: businessDate,
  documentRef: text(200),
});

export const orderIssued = z.object({ number: text(100), date: businessDate });

export const programDrafted = z.object({ date: businessDate, activities: z.array(activity).min(1) });

export const programAcknowledged = z.object({ personId: id, date: businessDate });

export const activityCompleted = z.object({ activityId: z.string(), date: businessDate });

export const programAmended = z.object({
  date: businessDate,
  activities: z.array(activity).min(1),
  agreedBy: z.array(id),
});

export const programExtended = z.object({
  date: businessDate,
  plannedEnd: businessDate,
  agreedBy: z.array(id),
});

export const mentorshipCompleted = z.object({ date: businessDate, reason: completionReason, note: z.string().max(2000).optional() });

export const mentorReportSubmitted = z.object({
  personId: id,
  date: businessDate,
  text: text(20000),
  recommendations: text(20000),
});

export const menteeReportSubmitted = z.object({
  personId: id,
  date: businessDate,
  text: text(20000),
  mentorEvaluation: z.number().int().min(1).max(5),
});

export const replacementRequested = z.object({
  date: businessDate,
  reason: replacementReason,
  note: z.string().max(2000).optional(),
});

export const mentorReplaced = z.object({
  date: businessDate,
  reason: replacementReason,
  newMentorId: id,
  newMentorConsentRef: text(200),
  orderNumber: text(100),
  successorId: id,
});

export const resultsPublished = z.object({ date: businessDate, summary: text(20000) });

export const mentorshipWithdrawn = z.object({ date: businessDate, reason: text(2000) });

export const MENTORSHIP_EVENT_SCHEMAS = {
  MentorshipProposed: mentorshipProposed,
  MentorshipContinued: mentorshipContinued,
  ConsentRecorded: consentRecorded,
  OrderIssued: orderIssued,
  ProgramDrafted: programDrafted,
  ProgramAcknowledged: programAcknowledged,
  ActivityCompleted: activityCompleted,
  ProgramAmended: programAmended,
  ProgramExtended: programExtended,
  MentorshipCompleted: mentorshipCompleted,
  MentorReportSubmitted: mentorReportSubmitted,
  MenteeReportSubmitted: menteeReportSubmitted,
  ReplacementRequested: replacementRequested,
  MentorReplaced: mentorReplaced,
  ResultsPublished: resultsPublished,
  MentorshipWithdrawn: mentorshipWithdrawn,
} as const;

type Schemas = typeof MENTORSHIP_EVENT_SCHEMAS;
export type MentorshipEventType = keyof Schemas;
export type MentorshipEvent = { [K in MentorshipEventType]: { type: K; data: z.infer<Schemas[K]> } }[MentorshipEventType];
export type EventOf<K extends MentorshipEventType> = Extract<MentorshipEvent, { type: K }>;
export type EventData<K extends MentorshipEventType> = EventOf<K>['data'];

export const isMentorshipEventType = (type: string): type is MentorshipEventType =>
  Object.prototype.hasOwnProperty.call(MENTORSHIP_EVENT_SCHEMAS, type);

/** Validates a stored or candidate event; throws a ZodError on a bad shape. */
export function parseMentorshipEvent(event: { type: string; data: unknown }): MentorshipEvent {
  if (!isMentorshipEventType(event.type)) throw new Error(`Unknown mentorship event type: ${event.type}`);
  return { type: event.type, data: MENTORSHIP_EVENT_SCHEMAS[event.type].parse(event.data) } as MentorshipEvent;
}
