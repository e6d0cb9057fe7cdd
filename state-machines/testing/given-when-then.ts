import type { Refusal } from '../shared/domain-error';
import { deciderOutcome } from '../shared/testing/decider-outcome';
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

/** The shared `then`/`thenRefused`, plus what a mentorship decision has besides its events: a successor's opening event. */
function outcome(history: MentorshipEvent[], decide: () => Decision): Outcome {
  let decision: Decision | undefined;
  const shared = deciderOutcome(history, () => (decision = decide()).events, parseMentorshipEvent, fold);
  return {
    then(expected) {
      const snapshot = shared.then(expected);
      if (decision!.successor) expect(parseMentorshipEvent(decision!.successor.event)).toEqual(decision!.successor.event);
      return { decision: decision!, snapshot };
    },
    thenRefused: shared.thenRefused,
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
