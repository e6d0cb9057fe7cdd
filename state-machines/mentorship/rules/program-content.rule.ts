import type { BusinessDate } from '../../shared/business-date';
import type { MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/** §3.6: each activity of the program falls within the mentorship's term. */
export function activitiesWithinTerm(ctx: MentorshipContext, date: BusinessDate, dues: BusinessDate[]): RuleCheck {
  const outside = dues.find((due) => due < date || due > ctx.plannedEnd);
  if (outside) {
    return violation(
      'activity-due-outside-term',
      '§3.6',
      `Срок мероприятия ${outside} должен быть между датой программы (${date}) и окончанием наставничества (${ctx.plannedEnd}).`,
      { due: outside },
    );
  }
  return null;
}

export function activityPending(ctx: MentorshipContext, activityId: string): RuleCheck {
  const activity = ctx.program?.activities.find((a) => a.id === activityId);
  if (!activity) return violation('activity-not-found', '§3.6', `В программе нет мероприятия ${activityId}.`, { activityId });
  if (activity.doneOn) return violation('activity-already-done', '§3.6', `Мероприятие ${activityId} уже отмечено выполненным (${activity.doneOn}).`, { activityId });
  return null;
}

/** §3.6: an activity can still be marked done only while some activity of the program is not. */
export const someActivityPending = (ctx: MentorshipContext): boolean => (ctx.program?.activities ?? []).some((a) => !a.doneOn);
