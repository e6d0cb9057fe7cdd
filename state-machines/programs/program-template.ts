import { addDays, daysBetween, type BusinessDate } from '../shared/business-date';
import type { StepBody } from '../mentorship/mentorship.commands';
import type { MentorshipContext } from '../mentorship/mentorship.context';
import type { ActivityKind } from '../mentorship/mentorship.vocabulary';
import type { ProgramBankData, ProgramBankEvent, TemplateActivity } from './program-bank.events';

export type ProgramTemplate = ProgramBankData<'ProgramTemplateSaved'> & { retired?: { date: BusinessDate; reason: string } };

/** One event of a `programtemplate-` stream folded into the template (undefined before it is saved). */
export function evolveTemplate(t: ProgramTemplate | undefined, e: ProgramBankEvent): ProgramTemplate | undefined {
  if (e.type === 'ProgramTemplateSaved') return { ...e.data };
  if (e.type === 'ProgramTemplateRetired' && t) return { ...t, retired: { date: e.data.date, reason: e.data.reason } };
  return t;
}

export const foldTemplate = (events: Iterable<ProgramBankEvent>): ProgramTemplate | undefined => [...events].reduce(evolveTemplate, undefined);

/** The program as it ended (amendments included), each activity as days from the planned start. */
export function templateActivities(ctx: MentorshipContext): TemplateActivity[] {
  return (ctx.program?.activities ?? [])
    .map((a) => ({ kind: a.kind, title: a.title, offsetDays: daysBetween(ctx.plannedStart, a.due) }))
    .sort((a, b) => a.offsetDays - b.offsetDays);
}

export const durationOf = (ctx: MentorshipContext): number => Math.max(1, daysBetween(ctx.plannedStart, ctx.plannedEnd));

/** Counts by kind: what the website may show of a program (its titles are written for the pair). */
export function activityKindCounts(activities: readonly { kind: ActivityKind }[]): { kind: ActivityKind; count: number }[] {
  const counts = new Map<ActivityKind, number>();
  for (const a of activities) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

export interface ProgramDraft {
  /** Ready for `POST /api/mentorships/:id/steps/program`. */
  body: StepBody<'program'>;
  start: BusinessDate;
  /** Where the source program ended, counted from the new start. */
  suggestedEnd: BusinessDate;
}

/** A template as a DraftProgram body for a program starting on `start`, dated `date`. */
export function instantiateTemplate(template: Pick<ProgramTemplate, 'activities' | 'durationDays'>, start: BusinessDate, date: BusinessDate): ProgramDraft {
  return {
    body: { date, activities: template.activities.map((a) => ({ kind: a.kind, title: a.title, due: addDays(start, a.offsetDays) })) },
    start,
    suggestedEnd: addDays(start, template.durationDays),
  };
}
