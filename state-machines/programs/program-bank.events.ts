import { z } from 'zod';
import { businessDate } from '../shared/business-date';
import { activityKind, mentoringForm } from '../mentorship/mentorship.vocabulary';

/**
 * The bank of personalised programs (§3.4) and its best cases for the website (§8.1).
 * Streams `programtemplate-<templateId>` (one template) and `bestcase-<subjectId>` (the curator's
 * mark on a completed mentorship or a template; the subject's id is the stream's).
 */
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

/** An activity as a template keeps it: days from the program's start instead of a date. */
export const templateActivity = z.object({
  kind: activityKind,
  title: text(500),
  offsetDays: z.number().int().min(-366).max(800),
});
export type TemplateActivity = z.infer<typeof templateActivity>;

export const bestCaseSubject = z.enum(['mentorship', 'template']);
export type BestCaseSubject = z.infer<typeof bestCaseSubject>;

export const PROGRAM_BANK_EVENT_SCHEMAS = {
  ProgramTemplateSaved: z.object({
    templateId: id,
    orgId: id,
    title: text(300),
    topic: text(500),
    form: mentoringForm,
    sourceMentorshipId: id,
    /** From the planned start to the planned end of the source mentorship. */
    durationDays: z.number().int().min(1).max(800),
    activities: z.array(templateActivity).min(1).max(200),
    date: businessDate,
  }),
  ProgramTemplateRetired: z.object({ date: businessDate, reason: text(2000) }),
  BestCaseMarked: z.object({
    orgId: id,
    subject: bestCaseSubject,
    subjectId: id,
    title: text(300),
    summary: text(20000),
    topic: text(500),
    form: mentoringForm,
    durationDays: z.number().int().min(1).max(800),
    completedOn: businessDate.optional(),
    /** How many activities of each kind: the program's shape, without its free-text titles. */
    activityKinds: z.array(z.object({ kind: activityKind, count: z.number().int().min(1) })),
    date: businessDate,
  }),
  BestCaseWithdrawn: z.object({ date: businessDate, reason: text(2000) }),
} as const;

type Schemas = typeof PROGRAM_BANK_EVENT_SCHEMAS;
export type ProgramBankEventType = keyof Schemas;
export type ProgramBankEvent = { [K in ProgramBankEventType]: { type: K; data: z.infer<Schemas[K]> } }[ProgramBankEventType];
export type ProgramBankData<K extends ProgramBankEventType> = Extract<ProgramBankEvent, { type: K }>['data'];

export const isProgramBankEventType = (type: string): type is ProgramBankEventType =>
  Object.prototype.hasOwnProperty.call(PROGRAM_BANK_EVENT_SCHEMAS, type);

export function parseProgramBankEvent(event: { type: string; data: unknown }): ProgramBankEvent {
  if (!isProgramBankEventType(event.type)) throw new Error(`Unknown program bank event type: ${event.type}`);
  return { type: event.type, data: PROGRAM_BANK_EVENT_SCHEMAS[event.type].parse(event.data) } as ProgramBankEvent;
}
