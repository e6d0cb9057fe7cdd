import { inPhase } from './mentorship.lifecycle';
import type { MentorshipContext } from './mentorship.context';
import type { MentorshipState } from './mentorship.vocabulary';
import { completedEarlyWarning } from './rules/actual-duration.rule';
import { menteeElsewhereWarning } from './rules/mentee-elsewhere.rule';
import { awaitingConsentToNewMentor, newPairConsentWarning, refusedNewMentor } from './rules/new-pair-consent.rule';
import { shortProgramWarning, type Warning } from './rules/short-program.rule';
import { agreementMissingWarning } from './rules/supplementary-agreement.rule';

/** The facts the warnings read: the same from the machine's context and from a read model's view. */
export interface WarningFacts {
  state: MentorshipState | 'new';
  plannedStart: string;
  plannedEnd: string;
  order?: MentorshipContext['order'];
  completion?: { date: string; earlyEnd?: unknown };
  otherUnfinished?: MentorshipContext['otherUnfinished'];
  awaitingConsent?: string[];
  refusedNewMentor?: string[];
}

/** Recorded and flagged, never refused: each warning cites its clause. */
export function warningsOf(f: WarningFacts): Warning[] {
  if (f.state === 'new') return [];
  return [
    shortProgramWarning(f.plannedStart, f.plannedEnd),
    menteeElsewhereWarning(f.otherUnfinished, inPhase(f.state, 'awaiting-order')),
    agreementMissingWarning(f.order),
    newPairConsentWarning(f.awaitingConsent ?? [], f.refusedNewMentor ?? []),
    completedEarlyWarning(f.plannedStart, f.completion),
  ].filter((w): w is Warning => w !== null);
}

export const warningFacts = (ctx: MentorshipContext, state: MentorshipState | 'new'): WarningFacts => ({
  state, plannedStart: ctx.plannedStart, plannedEnd: ctx.plannedEnd, order: ctx.order, completion: ctx.completion,
  otherUnfinished: ctx.otherUnfinished, awaitingConsent: awaitingConsentToNewMentor(ctx), refusedNewMentor: refusedNewMentor(ctx),
});
