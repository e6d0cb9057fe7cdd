/**
 * Why the core refused a command. `kind` tells the shell how to answer (HTTP status),
 * `code` is stable for clients, `message` is Russian for people, `clause` cites the regulation.
 */
export type RefusalKind =
  | 'rule' | 'state' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'too-large' | 'precondition' | 'unauthenticated' | 'rate-limited' | 'unavailable';

export interface Refusal {
  kind: RefusalKind;
  code: string;
  message: string;
  clause?: string;
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'DomainError';
  }
  get code(): string {
    return this.refusal.code;
  }
}

export const refuse = (refusal: Refusal): never => {
  throw new DomainError(refusal);
};

/** A rule's verdict: `null` when it holds. */
export type Violation = Omit<Refusal, 'kind'> & { kind?: RefusalKind };

/** Applies a rule's verdict: refuses with its violation (a rule refusal unless it says otherwise), or does nothing. */
export const enforce = (verdict: Violation | null): void => {
  if (verdict) refuse({ kind: 'rule', ...verdict });
};
