import { addDays, daysBetween, type BusinessDate } from '../shared/business-date';
import type { MentorshipContext } from './mentorship.context';
import { inPhase } from './mentorship.lifecycle';
import type { MentorshipState } from './mentorship.vocabulary';

export type DeadlineKind = 'appointment' | 'program' | 'mentor-report' | 'mentee-report';
export type DeadlineStatus = 'upcoming' | 'met' | 'late' | 'overdue';

/** A deadline of the regulation, computed from event dates: recorded and flagged, never a refusal. */
export interface DeadlineFlag {
  kind: DeadlineKind;
  clause: string;
  title: string;
  due: BusinessDate;
  doneOn?: BusinessDate;
  status: DeadlineStatus;
  /** Days past due: for `late` when it was done, for `overdue` as of today. */
  daysLate: number;
  personId?: string;
}

const APPOINTMENT_DAYS = 30; // §3.7
const PROGRAM_DAYS = 10; // §3.6
const REPORT_DAYS = 10; // §3.6

/**
 * A deadline's status on `today`: a done one is met or late; an undone one that still applies is
 * upcoming or overdue (`null` when it no longer applies). Read models store due dates and ask this
 * at query time, so a status never goes stale.
 */
export function deadlineStatus(
  due: BusinessDate, doneOn: BusinessDate | undefined, today: BusinessDate, open: boolean,
): Pick<DeadlineFlag, 'status' | 'daysLate'> | null {
  if (doneOn) {
    const late = Math.max(0, daysBetween(due, doneOn));
    return { status: late > 0 ? 'late' : 'met', daysLate: late };
  }
  if (!open) return null;
  const late = daysBetween(due, today);
  return { status: late > 0 ? 'overdue' : 'upcoming', daysLate: Math.max(0, late) };
}

function flag(base: Omit<DeadlineFlag, 'status' | 'daysLate'>, today: BusinessDate, open: boolean): DeadlineFlag | null {
  const status = deadlineStatus(base.due, base.doneOn, today, open);
  return status && { ...base, status: status.status, daysLate: status.daysLate };
}

export function deadlines(ctx: MentorshipContext, state: MentorshipState | 'new', today: BusinessDate): DeadlineFlag[] {
  const out: (DeadlineFlag | null)[] = [];
  const beforeOrder = inPhase(state, 'awaiting-order');
  if (!ctx.predecessorId) {
    for (const m of ctx.mentees) {
      out.push(flag({
        kind: 'appointment', clause: '§3.7', personId: m.personId,
        title: 'Приказ о закреплении — не позднее 30 календарных дней с первого рабочего дня наставляемого',
        due: addDays(m.firstWorkingDay, APPOINTMENT_DAYS), doneOn: ctx.order?.date,
      }, today, beforeOrder));
    }
  }
  if (ctx.order) {
    out.push(flag({
      kind: 'program', clause: '§3.6', title: 'Программа — не позднее 10 дней с приказа',
      due: addDays(ctx.order.date, PROGRAM_DAYS), doneOn: ctx.program?.draftedOn,
    }, today, state === 'ordered'));
  }
  if (ctx.completion) {
    const due = addDays(ctx.completion.date, REPORT_DAYS);
    out.push(flag({ kind: 'mentor-report', clause: '§3.6', title: 'Отчёт наставника — в течение 10 дней после завершения', due, doneOn: ctx.mentorReport?.date, personId: ctx.mentorId }, today, true));
    for (const m of ctx.mentees) {
      out.push(flag({
        kind: 'mentee-report', clause: '§3.6', title: 'Отчёт наставляемого — в течение 10 дней после завершения',
        due, doneOn: ctx.menteeReports[m.personId]?.date, personId: m.personId,
      }, today, true));
    }
  }
  return out.filter((f): f is DeadlineFlag => f !== null);
}
