import type { AnyStateNode } from 'xstate';
import { EMPTY_CONTEXT, type MentorshipContext } from './mentorship.context';
import type { MentorshipEvent } from './mentorship.events';
import { mentorshipMachine } from './mentorship.machine';
import type { MentorshipSnapshot } from './mentorship.state';
import { MENTORSHIP_STATES, type LifecyclePhase, type MentorshipState } from './mentorship.vocabulary';

/**
 * The lifecycle as readers need it, read from the machine definition once: which phase each state
 * is in (the machine's tags) and which state a stored event leads to. Nothing here lists a state
 * or a transition; a change to the machine shows up here by itself.
 */
type LifecycleState = MentorshipState | 'new';

const topStates = Object.values(mentorshipMachine.root.states) as AnyStateNode[];
const phases = new Map<string, ReadonlySet<string>>(topStates.map((node) => [node.key, new Set(node.tags)]));

export const inPhase = (state: LifecycleState, phase: LifecyclePhase): boolean => phases.get(state)?.has(phase) ?? false;

/** The states of a phase, in lifecycle order. */
export const statesIn = (phase: LifecyclePhase): MentorshipState[] => MENTORSHIP_STATES.filter((s) => inPhase(s, phase));

/** States after which a mentorship no longer holds a place in the mentor's load (§3.7). */
export const FINISHED_STATES: readonly MentorshipState[] = statesIn('finished');

/** States in which a mentorship holds its mentees' places in the mentor's load (§3.7): every state not finished. */
export const UNFINISHED_STATES: readonly MentorshipState[] = MENTORSHIP_STATES.filter((s) => !inPhase(s, 'finished'));

/** Top-level state a transition leads to; a targetless one (or one within a region) stays. */
const topOf = (target: readonly AnyStateNode[] | undefined, from: string): string => target?.[0]?.path[0] ?? from;

const transitionsWithin = (node: AnyStateNode): { eventType: string; to: string }[] => [
  ...[...node.transitions.values()].flat().map((t) => ({ eventType: t.eventType, to: topOf(t.target, node.path[0]) })),
  ...Object.values(node.states).flatMap((child) => transitionsWithin(child as AnyStateNode)),
];

/** States in which the machine still takes some step (after completion: the reports and publication). */
export const STATES_WITH_STEPS: readonly MentorshipState[] = MENTORSHIP_STATES.filter((s) => {
  const node = topStates.find((n) => n.key === s);
  return !!node && transitionsWithin(node).length > 0;
});

/**
 * For each state and event type: the one state every transition of the definition leads to, or
 * `null` when the machine's guards choose (a consent may complete the set, be refused, or neither).
 */
const destinations = new Map<string, Map<string, string | null>>(
  topStates.map((node) => {
    const byEvent = new Map<string, string | null>();
    for (const { eventType, to } of transitionsWithin(node)) {
      byEvent.set(eventType, !byEvent.has(eventType) || byEvent.get(eventType) === to ? to : null);
    }
    return [node.key, byEvent];
  }),
);

/** Each state resolved once: its nodes, value and tags depend on the state alone, not on the context. */
const resolvedStates = new Map<string, MentorshipSnapshot>();
function resolved(state: LifecycleState): MentorshipSnapshot {
  let s = resolvedStates.get(state);
  if (!s) resolvedStates.set(state, (s = mentorshipMachine.resolveState({ value: state, context: EMPTY_CONTEXT })));
  return s;
}

/**
 * The lifecycle state a stored event leads to from `state`, asked of the machine without folding
 * it: most events have one destination in the definition; where guards choose, the machine's own
 * guards are evaluated (`getTransitionData`) on `context()`, called only then. For events already
 * in the log (the machine accepted them on append); an event with no transition keeps the state.
 */
export function stateAfter(state: LifecycleState, event: MentorshipEvent, context: () => MentorshipContext): LifecycleState {
  const to = destinations.get(state)?.get(event.type);
  if (to === undefined) return state;
  if (to !== null) return to as LifecycleState;
  const [taken] = mentorshipMachine.getTransitionData({ ...resolved(state), context: context() }, event);
  return (taken ? topOf(taken.target, state) : state) as LifecycleState;
}
