import type { AnyStateNode } from 'xstate';
import { mentorshipMachine } from './mentorship.machine';
import { MENTORSHIP_STATES, type LifecyclePhase, type MentorshipState } from './mentorship.vocabulary';

/**
 * The lifecycle as readers need it, read from the machine definition once: which phase each state
 * is in (the machine's tags). Nothing here lists a state; a change to the machine shows up here by itself.
 */
type LifecycleState = MentorshipState | 'new';

const topStates = Object.values(mentorshipMachine.root.states) as AnyStateNode[];
const phases = new Map<string, ReadonlySet<string>>(topStates.map((node) => [node.key, new Set(node.tags)]));

export const inPhase = (state: LifecycleState, phase: LifecyclePhase): boolean => phases.get(state)?.has(phase) ?? false;

/** The states of a phase, in lifecycle order. */
export const statesIn = (phase: LifecyclePhase): MentorshipState[] => MENTORSHIP_STATES.filter((s) => inPhase(s, phase));

/** States after which a mentorship no longer holds a place in the mentor's load (§3.7). */
export const FINISHED_STATES: readonly MentorshipState[] = statesIn('finished');
