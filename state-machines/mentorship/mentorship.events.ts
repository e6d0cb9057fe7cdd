import { z } from 'zod';
import { businessDate } from '../shared/business-date';
import {
  activityKind, completionReason, mentoringForm, noticeParty, payKind, replacementReason, type PayKind,
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

/**
 * The supplementary agreement to the mentor's employment contract (ТК РФ ст. 351.8): its number and
 * date, the contract it amends, and the pay — `amount` roubles a month, `percent` of the salary, or
 * `none` («без доплаты», chosen explicitly, never implied). Its content, term and form are the
 * mentorship's own. The same shape as the step's body fills it in; optional on every event that
 * carries it, so events stored before it existed still fold.
 */
export const agreementFields = {
  number: text(100),
  date: businessDate,
  contractRef: text(200).optional(),
  pay: payKind,
  amount: z.number().positive().max(1_000_000).multipleOf(0.01).optional(),
  percent: z.number().positive().max(100).multipleOf(0.01).optional(),
};

/** The pay given matches its kind: a sum for `amount`, a percentage for `percent`, neither for `none`. */
export function payMatchesKind(a: { pay: PayKind; amount?: number; percent?: number }, ctx: z.RefinementCtx): void {
  if (a.pay === 'amount' && a.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Укажите размер доплаты в рублях в месяц' });
  if (a.pay === 'percent' && a.percent === undefined) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'Укажите размер доплаты в процентах должностного оклада' });
  if (a.pay !== 'amount' && a.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Сумма доплаты указывается только для доплаты в рублях' });
  if (a.pay !== 'percent' && a.percent !== undefined) ctx.addIssue({ code: 'custom', path: ['percent'], message: 'Процент указывается только для доплаты в процентах оклада' });
}

export const supplementaryAgreement = z.object(agreementFields).superRefine(payMatchesKind);
export type SupplementaryAgreement = z.infer<typeof supplementaryAgreement>;

/** A mentee's written consent to the new mentor of a successor pair (§3.7), given with the replacement. */
export const menteeConsentToNewMentor = z.object({ personId: id, date: businessDate, documentRef: text(200) });

const proposalFacts = z.object({
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

export const mentorshipProposed = proposalFacts.extend({
  /**
   * Mentees who, on the proposal's date, were already in another unfinished mentorship, with those
   * mentorships' ids: recorded for a warning, never a refusal. Absent when there were none.
   */
  otherUnfinished: z.array(z.object({ personId: id, mentorshipIds: z.array(id).min(1) })).min(1).optional(),
});

/**
 * First event of a successor mentorship after a mentor replacement (§3.8). `menteeConsents`: the
 * mentees' written consents to the new pair given with the replacement (§3.7); a mentee without one
 * is asked for it in the successor (events stored before this field have none). `agreement`: the new
 * mentor's supplementary agreement (ТК РФ ст. 351.8).
 */
export const mentorshipContinued = proposalFacts.extend({
  predecessorId: id,
  newMentorConsentRef: text(200),
  orderNumber: text(100),
  menteeConsents: z.array(menteeConsentToNewMentor).min(1).optional(),
  agreement: supplementaryAgreement.optional(),
});

export const consentRecorded = z.object({
  personId: id,
  given: z.boolean(),
  date: businessDate,
  documentRef: text(200),
});

export const orderIssued = z.object({ number: text(100), date: businessDate, agreement: supplementaryAgreement.optional() });

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

/**
 * Mentoring ended early by written notice (ТК РФ ст. 351.8): `date` is the day it ends, the step's
 * business date; `personId` is the mentor or mentee who gave notice (absent for the employer).
 */
export const mentorshipEndedEarly = z.object({
  date: businessDate,
  noticeBy: noticeParty,
  personId: id.optional(),
  noticeDate: businessDate,
  noticeRef: text(200),
  note: z.string().max(2000).optional(),
});

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
  MentorshipEndedEarly: mentorshipEndedEarly,
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
