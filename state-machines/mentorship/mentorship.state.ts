import { createActor, getNextTransitions, initialTransition, type ActorScope, type SnapshotFrom } from 'xstate';
import type { MentorshipContext } from './mentorship.context';
import { isMentorshipEventType, type MentorshipEvent, type MentorshipEventType } from './mentorship.events';
import { mentorshipMachine } from './mentorship.machine';
import { GUARD_PRECONDITIONS, type GuardPrecondition } from './mentorship.preconditions';
import type { MentorshipState } from './mentorship.vocabulary';

export type MentorshipSnapshot = SnapshotFrom<typeof mentorshipMachine>;

/** Raised when a stored event does not fold: the log and the machine disagree. */
export class UnfoldableEventError extends Error {
  constructor(readonly eventType: string, readonly atState: string) {
    super(`Stored event ${eventType} is not accepted in state ${atState}`);
  }
}

export const initialSnapshot = (): MentorshipSnapshot => initialTransition(mentorshipMachine)[0];

/**
 * One inert actor scope for every fold: XState's `transition()` builds a throwaway actor, and with
 * it the machine's initial state, on each call — 40 of its 45 µs. The machine has no effects, so
 * the scope is never used for anything but bookkeeping.
 */
const inertScope: ActorScope<MentorshipSnapshot, MentorshipEvent, any, any> = (() => {
  const self = createActor(mentorshipMachine);
  const noop = () => {};
  return { self, system: self.system, id: '', sessionId: '', defer: noop, logger: noop, stopChild: noop, emit: noop, actionExecutor: noop };
})();

/** evolve = (state, event) => transition(machine, state, event)[0], refusing events the machine would not take. */
export function evolve(snapshot: MentorshipSnapshot, event: MentorshipEvent): MentorshipSnapshot {
  if (!snapshot.can(event)) throw new UnfoldableEventError(event.type, JSON.stringify(snapshot.value));
  return mentorshipMachine.transition(snapshot, event, inertScope);
}

export const fold = (events: Iterable<MentorshipEvent>, from: MentorshipSnapshot = initialSnapshot()): MentorshipSnapshot => {
  let s = from;
  for (const e of events) s = evolve(s, e);
  return s;
};

/** The lifecycle state's name (`completed` has parallel regions for reports and publication). */
export function stateOf(snapshot: MentorshipSnapshot): MentorshipState | 'new' {
  const v = snapshot.value;
  return (typeof v === 'string' ? v : Object.keys(v)[0]) as MentorshipState | 'new';
}

export const contextOf = (snapshot: MentorshipSnapshot): MentorshipContext => snapshot.context;

/** A transition's guard precondition that fails on this context (the transition cannot be taken, whatever the event). */
const failedPrecondition = (guard: unknown, ctx: MentorshipContext): GuardPrecondition | undefined => {
  const p = typeof guard === 'string' ? GUARD_PRECONDITIONS[guard] : undefined;
  return p && !p.holds(ctx) ? p : undefined;
};

/**
 * Event types the current state has transitions for: which steps exist right now, asked of the
 * machine (XState's `getNextTransitions`), leaving out transitions whose guard's precondition on the
 * context fails (`GUARD_PRECONDITIONS`); guards on the event's data are `can`'s.
 */
export const acceptedEventTypes = (snapshot: MentorshipSnapshot): Set<MentorshipEventType> =>
  new Set(getNextTransitions(snapshot).filter((t) => !failedPrecondition(t.guard, snapshot.context)).map((t) => t.eventType).filter(isMentorshipEventType));

/** Why an event type the state has transitions for is not accepted on this context (`undefined`: it is, or the state has none). */
export function closedBy(snapshot: MentorshipSnapshot, type: MentorshipEventType): GuardPrecondition | undefined {
  const ts = getNextTransitions(snapshot).filter((t) => t.eventType === type);
  const failed = ts.map((t) => failedPrecondition(t.guard, snapshot.context));
  return ts.length && failed.every((f) => f) ? failed[0] : undefined;
}
