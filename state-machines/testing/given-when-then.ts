import { DomainError, type Refusal } from '../shared/domain-error';
import type { ProposeBody, StepBody, StepName } from '../mentorship/mentorship.commands';
import { decidePropose, decideStep, type Decision, type ProposeEnv, type StepEnv } from '../mentorship/mentorship.decider';
import { parseMentorshipEvent, type MentorshipEvent } from '../mentorship/mentorship.events';
import { fold, type MentorshipSnapshot } from '../mentorship/mentorship.state';

/**
 * Given–when–then for the mentorship decider, after oskardudycz's DeciderSpecification:
 * `given(...history).when(step, body, env).then(events)` or `.thenRefused({ code, clause, kind })`.
 * Jest globals only; nothing here reads a clock (`env.today` is always passed in).
 */
export interface Accepted {
  decision: Decision;
  /** The given history plus the decided events, folded. */
  snapshot: MentorshipSnapshot;
}

export interface Outcome {
  /** The decided events equal `expected`, are valid stored events, and fold onto the history. */
  then(expected: MentorshipEvent[]): Accepted;
  /** The command is refused with a `DomainError` whose refusal matches `expected`. */
  thenRefused(expected: Partial<Refusal>): Refusal;
}

const CYRILLIC = /[А-Яа-яЁё]/;

function outcome(history: MentorshipEvent[], decide: () => Decision): Outcome {
  const run = (): Decision | DomainError => {
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
      expect(result.events).toEqual(expected);
      // A decided event must survive the store's schema unchanged (no stray or missing fields).
      for (const e of result.events) expect(parseMentorshipEvent(e)).toEqual(e);
      if (result.successor) expect(parseMentorshipEvent(result.successor.event)).toEqual(result.successor.event);
      return { decision: result, snapshot: fold([...history, ...result.events]) };
    },
    thenRefused(expected) {
      const result = run();
      if (!(result instanceof DomainError)) throw new Error(`Expected refusal ${JSON.stringify(expected)}, got ${JSON.stringify(result.events)}`);
      expect(result.refusal).toMatchObject(expected);
      expect(result.refusal.message).toMatch(CYRILLIC);
      return result.refusal;
    },
  };
}

export function given(...history: MentorshipEvent[]) {
  return {
    when<S extends StepName>(step: S, body: StepBody<S>, env: StepEnv): Outcome {
      return outcome(history, () => decideStep(step, body, fold(history), env));
    },
  };
}

/** A proposal starts a stream, so it has no history. */
export const whenProposing = (body: ProposeBody, env: ProposeEnv): Outcome => outcome([], () => decidePropose(body, env));
