import type { Warning } from './short-program.rule';

/**
 * §3.4, §6.1: the curator keeps the personal records of mentees and forms pairs for their requests. The
 * regulation does not forbid a mentee two mentorships at once, so proposing one already in an unfinished
 * mentorship is a warning, not a refusal, shown until the head's order decides on it.
 */
export function menteeElsewhereWarning(otherUnfinished: { personId: string; mentorshipIds: string[] }[] | undefined, awaitingOrder: boolean): Warning | null {
  if (!awaitingOrder || !otherUnfinished?.length) return null;
  const n = otherUnfinished.length;
  return {
    code: 'mentee-in-unfinished-mentorship',
    clause: '§3.4, §6.1',
    message: `${n > 1 ? `Наставляемые (${n})` : 'Наставляемый'} на дату предложения уже ${n > 1 ? 'участвуют' : 'участвует'} в другом незавершённом наставничестве: `
      + 'проверьте, не дублирует ли его новая пара (группа), прежде чем издавать приказ.',
  };
}
