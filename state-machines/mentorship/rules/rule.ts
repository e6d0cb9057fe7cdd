import type { Violation } from '../../shared/domain-error';

/** A rule of the regulation: a predicate with the clause it comes from. `null` means it holds. */
export type RuleCheck = Violation | null;

export const violation = (code: string, clause: string, message: string, details?: Record<string, unknown>): Violation => ({
  kind: 'rule',
  code,
  clause,
  message,
  details,
});
