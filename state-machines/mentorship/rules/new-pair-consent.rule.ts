import { ruDate, type BusinessDate } from '../../shared/business-date';
import { menteeIds, type MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';
import type { Warning } from './short-program.rule';

/**
 * §3.7: every appointment of a mentor needs the written consent of the mentor and of the mentee. After
 * a replacement (§3.8) the successor pair is a new appointment: a mentee's consent to the predecessor
 * is carried over only as `inherited`, and counts for this pair once their consent to the new mentor
 * is recorded — with the replacement, or afterwards by the curator.
 */
export const awaitingConsentToNewMentor = (ctx: MentorshipContext): string[] =>
  menteeIds(ctx).filter((p) => ctx.consents[p]?.inherited);

/** Mentees of a successor who refused the new mentor in writing. */
export const refusedNewMentor = (ctx: MentorshipContext): string[] =>
  ctx.predecessorId ? menteeIds(ctx).filter((p) => ctx.consents[p]?.given === false) : [];

/** The precondition of the machine's consentToNewMentorPending guard: some mentee has not consented to the new pair yet. */
export const someConsentInherited = (ctx: MentorshipContext): boolean => awaitingConsentToNewMentor(ctx).length > 0;

/** A mentee takes part in the successor (acknowledges its program) only once they consented to the new mentor. */
export function consentToPairRecorded(ctx: MentorshipContext, personId: string): RuleCheck {
  const c = ctx.consents[personId];
  if (c?.inherited) {
    return violation(
      'consent-to-new-mentor-missing', '§3.7',
      'Письменное согласие наставляемого на нового наставника не записано: назначение наставника (и его замена) — только с письменного согласия наставника и наставляемого. Куратор записывает согласие шагом «Записать письменное согласие».',
      { personId },
    );
  }
  if (c?.given === false) {
    return violation('consent-to-new-mentor-refused', '§3.7', 'Наставляемый письменно отказался от нового наставника: нужна другая замена (п. 3.8) или завершение (п. 7.1).', { personId });
  }
  return null;
}

/** The mentees' consents given with a replacement: each of a mentee of this pair, once, dated no later than the replacement order. */
export function newPairConsentsValid(ctx: MentorshipContext, consents: { personId: string; date: BusinessDate }[] | undefined, orderDate: BusinessDate): RuleCheck {
  const seen = new Set<string>();
  for (const c of consents ?? []) {
    if (!menteeIds(ctx).includes(c.personId)) {
      return violation('consent-not-participant', '§3.7', 'Согласие на нового наставника даёт наставляемый этой пары (группы).', { personId: c.personId });
    }
    if (seen.has(c.personId)) return violation('consent-already-recorded', '§3.7', 'Согласие этого наставляемого указано дважды.', { personId: c.personId });
    seen.add(c.personId);
    if (c.date > orderDate) {
      return violation(
        'consent-after-order', '§3.7',
        `Согласие на нового наставника датировано ${ruDate(c.date)}, позже приказа о замене (${ruDate(orderDate)}): согласие даётся до назначения.`,
        { personId: c.personId, date: c.date, orderDate },
      );
    }
  }
  return null;
}

/** While a successor waits for a mentee's consent to the new mentor, or a mentee refused them. */
export function newPairConsentWarning(awaiting: string[], refused: string[]): Warning | null {
  if (refused.length) {
    return {
      code: 'new-mentor-refused', clause: '§3.7, §3.8',
      message: `${refused.length > 1 ? 'Наставляемые письменно отказались' : 'Наставляемый письменно отказался'} от нового наставника: нужна другая замена наставника (п. 3.8) или завершение наставничества (п. 7.1).`,
    };
  }
  if (!awaiting.length) return null;
  return {
    code: 'consent-to-new-mentor-missing', clause: '§3.7',
    message: `Не записано письменное согласие ${awaiting.length > 1 ? `наставляемых (${awaiting.length})` : 'наставляемого'} на нового наставника: `
      + 'до него наставляемый не знакомится с программой (п. 3.7 — назначение только с письменного согласия обоих).',
  };
}
