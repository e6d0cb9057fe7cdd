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
 * `decide` is refused: it throws a `DomainError` whose refusal matches `expected`, worded in Russian
 * (any other error is rethrown; a decision instead fails the test). Jest globals only.
 */
export function expectRefused(decide: () => unknown, expected: Partial<Refusal>): Refusal {
  let decided: unknown;
  try {
    decided = decide();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.refusal).toMatchObject(expected);
    expect(error.refusal.message).toMatch(CYRILLIC);
    return error.refusal;
  }
  throw new Error(`Expected refusal ${JSON.stringify(expected)}, got ${JSON.stringify(decided)}`);
}

/**
 * The `then` and `thenRefused` of a decider whose decision is a list of events: `decide` runs once per
 * assertion, `parse` is the store's schema of an event, `fold` the state after the history and the decision.
 * Jest globals only.
 */
export function deciderOutcome<E, S>(
  history: readonly E[], decide: () => E[], parse: (event: E) => unknown, fold: (events: E[]) => S,
): DeciderOutcome<E, S> {
  return {
    then(expected) {
      let result: E[];
      try {
        result = decide();
      } catch (error) {
        if (error instanceof DomainError) throw new Error(`Expected events, got refusal ${JSON.stringify(error.refusal)}`);
        throw error;
      }
      expect(result).toEqual(expected);
      // A decided event must survive the store's schema unchanged (no stray or missing fields).
      for (const e of result) expect(parse(e)).toEqual(e);
      return fold([...history, ...result]);
    },
    thenRefused: (expected) => expectRefused(decide, expected),
  };
}
