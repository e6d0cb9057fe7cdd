import { daysBetween, type BusinessDate } from '#core/shared';
import type { Role } from '#core/people';
import type { DeadlineRef, ReminderType } from './reminder.events';

/** A deadline not yet met, as the read models have it (mentorship deadlines and the yearly mentee-bank update). */
export interface OpenDeadline extends DeadlineRef {
  orgId: string;
  mentorId: string | null;
  topic: string | null;
}

export interface PlannedReminder {
  reminderId: string;
  type: ReminderType;
  deadline: OpenDeadline;
}

/** A deadline's identity: the same deadline (same due date) always gives the same id, across restarts and rebuilds. */
export const deadlineKey = (d: Pick<OpenDeadline, 'kind' | 'mentorshipId' | 'personId' | 'due'>): string =>
  `${d.mentorshipId ?? 'org'}:${d.kind}:${d.personId ?? ''}:${d.due}`;

export const reminderIdOf = (d: OpenDeadline, type: ReminderType): string => `${deadlineKey(d)}:${type}`;

/**
 * What is due today: one reminder from `leadDays` before the due date up to the day itself, and one
 * escalation once it has passed. A deadline first seen overdue gets only the escalation.
 */
export function plannedReminders(deadlines: readonly OpenDeadline[], today: BusinessDate, leadDays: number): PlannedReminder[] {
  return deadlines.flatMap((d): PlannedReminder[] => {
    const left = daysBetween(today, d.due);
    if (left < 0) return [{ reminderId: reminderIdOf(d, 'escalation'), type: 'escalation', deadline: d }];
    if (left <= leadDays) return [{ reminderId: reminderIdOf(d, 'before'), type: 'before', deadline: d }];
    return [];
  });
}

export interface Account {
  userId: string;
  roles: readonly Role[];
  personId?: string;
  email?: string;
  name?: string;
}

export type RecipientReason = 'responsible' | 'curator' | 'head';

/**
 * Whose the deadline is: the head orders the appointment (§3.3, §3.7) and the curator prepares it;
 * the mentor drafts the program and reports (§3.6); each mentee reports (§3.6); the curator updates
 * the mentee bank (§3.4). A missed one goes to the curator and the head.
 */
export function recipientsOf(planned: PlannedReminder, accounts: readonly Account[]): { account: Account; reason: RecipientReason }[] {
  const d = planned.deadline;
  const withRole = (role: Role, reason: RecipientReason) => accounts.filter((a) => a.roles.includes(role)).map((account) => ({ account, reason }));
  const person = (personId: string | null, role: Role) =>
    accounts.filter((a) => !!personId && a.personId === personId && a.roles.includes(role)).map((account) => ({ account, reason: 'responsible' as const }));
  let out: { account: Account; reason: RecipientReason }[];
  if (planned.type === 'escalation') out = [...withRole('curator', 'curator'), ...withRole('head', 'head')];
  else if (d.kind === 'appointment') out = [...withRole('head', 'head'), ...withRole('curator', 'curator')];
  else if (d.kind === 'program' || d.kind === 'mentor-report') out = person(d.mentorId, 'mentor');
  else if (d.kind === 'mentee-report') out = person(d.personId, 'mentee');
  else out = withRole('curator', 'curator');
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.account.userId) && !!seen.add(r.account.userId));
}
