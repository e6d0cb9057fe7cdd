import type { ReminderData, ReminderEvent } from './reminder.events';

export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

/** One recipient's e-mail: `claimed` with no outcome after it means the outcome is unknown (never retried). */
export interface Delivery {
  attempts: number;
  status: DeliveryStatus;
  retryable: boolean;
  code?: string;
}

export interface ReminderRecord extends ReminderData<'ReminderRecorded'> {
  deliveries: Record<string, Delivery>;
}

export interface ReminderLog {
  /** Revision of the stream's last event, -1 when it has none: the expected revision of the next claim. */
  revision: number;
  reminders: Map<string, ReminderRecord>;
}

export const emptyReminderLog = (): ReminderLog => ({ revision: -1, reminders: new Map() });

/** Folds one event of `reminder-<orgId>` into the log (in place: the log is private to its cache). */
export function evolveReminderLog(log: ReminderLog, event: ReminderEvent, revision: number): ReminderLog {
  log.revision = revision;
  const record = event.type === 'ReminderRecorded' ? undefined : log.reminders.get(event.data.reminderId);
  switch (event.type) {
    case 'ReminderRecorded': {
      const deliveries: Record<string, Delivery> = {};
      for (const r of event.data.recipients) if (r.emailed) deliveries[r.userId] = { attempts: 1, status: 'claimed', retryable: false };
      log.reminders.set(event.data.reminderId, { ...event.data, deliveries });
      break;
    }
    case 'ReminderEmailRetryClaimed':
      if (record) record.deliveries[event.data.userId] = { attempts: event.data.attempt, status: 'claimed', retryable: false };
      break;
    case 'ReminderEmailSent':
      if (record) record.deliveries[event.data.userId] = { attempts: event.data.attempt, status: 'sent', retryable: false };
      break;
    case 'ReminderEmailFailed':
      if (record) record.deliveries[event.data.userId] = { attempts: event.data.attempt, status: 'failed', retryable: event.data.retryable, code: event.data.code };
      break;
  }
  return log;
}

/** E-mails refused for certain (so not delivered) with attempts left: safe to try again. */
export function retryableDeliveries(log: ReminderLog, maxAttempts: number): { reminder: ReminderRecord; userId: string; attempt: number }[] {
  const out: { reminder: ReminderRecord; userId: string; attempt: number }[] = [];
  for (const reminder of log.reminders.values()) {
    for (const [userId, d] of Object.entries(reminder.deliveries)) {
      if (d.status === 'failed' && d.retryable && d.attempts < maxAttempts) out.push({ reminder, userId, attempt: d.attempts + 1 });
    }
  }
  return out;
}
