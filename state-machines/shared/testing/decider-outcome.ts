import { DomainError, type Refusal } from '../domain-error';

/** What a given–when–then asserts of one decision. */
export interface DeciderOutcome<E, S> {
  /** The decided events equal `expected`, are valid stored events, and fold onto the history. */
  then(expected: E[]): S;
  /** The command is refused with a `DomainError` whose refusal matches `expected`, worded in Russian. */
  thenRefused(expected: Partial<Refusal>): Refusal;
}

const CYRILLIC = /[А-Яа-яЁё]/;

/**
 * The `then` and `thenRefused` of a decider whose decision is a list of events: `decide` runs once per
 * assertion, `parse` is the store's schema of an event, `fold` the state after the history and the decision.
 * Jest globals only.
 */
export function deciderOutcome<E, S>(
  history: readonly E[], decide: () => E[], parse: (event: E) => unknown, fold: (events: E[]) => S,
): DeciderOutcome<E, S> {
  const run = (): E[] | DomainError => {
    try {
      return decide();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  };
  return {
    then(expected) {
      const result = run();
      if (result instanceof DomainError) throw new Error(`Expected events, got refusal ${JSON.stringify(result.refusal)}`);
      expect(result).toEqual(expected);
      for (const e of result) expect(parse(e)).toEqual(e);
      return fold([...history, ...result]);
    },
    thenRefused(expected) {
      const result = run();
      if (!(result instanceof DomainError)) throw new Error(`Expected refusal ${JSON.stringify(expected)}, got ${JSON.stringify(result)}`);
      expect(result.refusal).toMatchObject(expected);
      expect(result.refusal.message).toMatch(CYRILLIC);
      return result.refusal;
    },
  };
}
