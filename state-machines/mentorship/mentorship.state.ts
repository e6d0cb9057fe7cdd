import { createActor, initialTransition, type ActorScope, type SnapshotFrom, type StateNode } from 'xstate';
import type { MentorshipContext } from './mentorship.context';
import type { MentorshipEvent, MentorshipEventType } from './mentorship.events';
import { mentorshipMachine } from './mentorship.machine';
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

/**
 * Event types the active state nodes have transitions for: which steps exist right now,
 * asked of the machine definition itself (guards on the event's data are checked by `can`).
 */
export function acceptedEventTypes(snapshot: MentorshipSnapshot): Set<MentorshipEventType> {
  const types = new Set<MentorshipEventType>();
  const visit = (node: StateNode<any, any>, value: unknown): void => {
    for (const t of node.ownEvents) types.add(t as MentorshipEventType);
    if (typeof value === 'string') {
      const child = node.states[value];
      if (child) for (const t of child.ownEvents) types.add(t as MentorshipEventType);
    } else if (value && typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) if (node.states[key]) visit(node.states[key], sub);
    }
  };
  visit(mentorshipMachine.root, snapshot.value);
  return types;
}
