import { z } from 'zod';
import { businessDate } from '#core/shared';

/**
 * Stream `reminder-<orgId>`: every reminder the organisation was sent, and what became of each
 * e-mail. Appending a `ReminderRecorded` is the claim that lets exactly one process send it.
 */
const id = z.string().min(1).max(300);

export const reminderType = z.enum(['before', 'escalation']);
export type ReminderType = z.infer<typeof reminderType>;

export const deadlineRef = z.object({
  kind: z.string().min(1).max(50),
  mentorshipId: z.string().nullable(),
  personId: z.string().nullable(),
  due: businessDate,
  clause: z.string().max(50),
  title: z.string().max(300),
});
export type DeadlineRef = z.infer<typeof deadlineRef>;

export const recipientReason = z.enum(['responsible', 'curator', 'head']);

export const REMINDER_EVENT_SCHEMAS = {
  ReminderRecorded: z.object({
    reminderId: id,
    orgId: id,
    type: reminderType,
    deadline: deadlineRef,
    /** `emailed`: an e-mail is attempted (the account has an address and SMTP is on); no address is stored here. */
    recipients: z.array(z.object({ userId: id, reason: recipientReason, emailed: z.boolean() })).min(1),
    /** The organisation's business date the reminder was made on. */
    date: businessDate,
  }),
  /** Before a second or later attempt: claims it, like the record claims the first. */
  ReminderEmailRetryClaimed: z.object({ reminderId: id, userId: id, attempt: z.number().int().min(2) }),
  ReminderEmailSent: z.object({ reminderId: id, userId: id, attempt: z.number().int().min(1) }),
  ReminderEmailFailed: z.object({
    reminderId: id, userId: id, attempt: z.number().int().min(1),
    /** Stable code of the failure (nodemailer's, or the SMTP reply code), never the message text. */
    code: z.string().max(50),
    /** True only when the server certainly did not take the message, so a retry cannot duplicate it. */
    retryable: z.boolean(),
  }),
} as const;

type Schemas = typeof REMINDER_EVENT_SCHEMAS;
export type ReminderEventType = keyof Schemas;
export type ReminderEvent = { [K in ReminderEventType]: { type: K; data: z.infer<Schemas[K]> } }[ReminderEventType];
export type ReminderData<K extends ReminderEventType> = Extract<ReminderEvent, { type: K }>['data'];

export function parseReminderEvent(event: { type: string; data: unknown }): ReminderEvent | null {
  if (!Object.prototype.hasOwnProperty.call(REMINDER_EVENT_SCHEMAS, event.type)) return null;
  const type = event.type as ReminderEventType;
  return { type, data: REMINDER_EVENT_SCHEMAS[type].parse(event.data) } as ReminderEvent;
}
