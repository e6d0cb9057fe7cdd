import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/**
 * §3.6: each activity of the program falls within the mentorship's term. The refusal names the rows
 * (`fields`: `activities.<i>.due`), so a form shows it under each activity that is out of term.
 */
export function activitiesWithinTerm(ctx: MentorshipContext, date: BusinessDate, dues: BusinessDate[]): RuleCheck {
  const outside = dues.flatMap((due, i) => (due < date || due > ctx.plannedEnd ? [i] : []));
  if (!outside.length) return null;
  const between = `между датой программы (${ruDate(date)}) и окончанием наставничества (${ruDate(ctx.plannedEnd)})`;
  const message = dues.length === 1
    ? `Срок мероприятия (${ruDate(dues[0])}) должен быть ${between}.`
    : outside.length === 1
      ? `Срок мероприятия № ${outside[0] + 1} (${ruDate(dues[outside[0]])}) должен быть ${between}.`
      : `Сроки мероприятий № ${outside.map((i) => i + 1).join(', ')} должны быть ${between}.`;
  return violation('activity-due-outside-term', '§3.6', message, { due: dues[outside[0]], fields: outside.map((i) => `activities.${i}.due`) });
}

export function activityPending(ctx: MentorshipContext, activityId: string): RuleCheck {
  const activity = ctx.program?.activities.find((a) => a.id === activityId);
  if (!activity) return violation('activity-not-found', '§3.6', 'В программе нет такого мероприятия.', { activityId });
  if (activity.doneOn) {
    return violation('activity-already-done', '§3.6', `Мероприятие «${activity.title}» уже отмечено выполненным (${ruDate(activity.doneOn)}).`, { activityId });
  }
  return null;
}

/** §3.6: an activity can still be marked done only while some activity of the program is not. */
export const someActivityPending = (ctx: MentorshipContext): boolean => (ctx.program?.activities ?? []).some((a) => !a.doneOn);
