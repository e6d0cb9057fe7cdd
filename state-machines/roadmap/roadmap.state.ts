import { getNextTransitions, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { isRoadmapEventType, type RoadmapEvent, type RoadmapEventType } from './roadmap.events';
import { roadmapMachine, type Reached } from './roadmap.machine';

export type RoadmapSnapshot = SnapshotFrom<typeof roadmapMachine>;

/** Where the roadmap is: not yet drafted, drafted (awaiting the head), approved, or implemented. */
export type RoadmapPhase = 'new' | 'drafted' | 'approved' | 'implemented';

/** Raised when a stored event does not fold: the log and the machine disagree. */
export class UnfoldableRoadmapEventError extends Error {
  constructor(readonly eventType: string, readonly atState: string) {
    super(`Stored roadmap event ${eventType} is not accepted in state ${atState}`);
  }
}

export const initialRoadmap = (): RoadmapSnapshot => initialTransition(roadmapMachine)[0];

export function evolveRoadmap(snapshot: RoadmapSnapshot, event: RoadmapEvent): RoadmapSnapshot {
  if (!snapshot.can(event)) throw new UnfoldableRoadmapEventError(event.type, JSON.stringify(snapshot.value));
  return transition(roadmapMachine, snapshot, event)[0];
}

export const foldRoadmap = (events: Iterable<RoadmapEvent>, from: RoadmapSnapshot = initialRoadmap()): RoadmapSnapshot => {
  let s = from;
  for (const e of events) s = evolveRoadmap(s, e);
  return s;
};

export function phaseOf(snapshot: RoadmapSnapshot): RoadmapPhase {
  const v = snapshot.value;
  if (typeof v === 'string') return v as RoadmapPhase;
  return (v as { approved: string }).approved === 'implemented' ? 'implemented' : 'approved';
}

/** The stage the organisation is in, read from the machine's state (null before approval). */
export function reachedOf(snapshot: RoadmapSnapshot): Reached | null {
  const v = snapshot.value;
  if (typeof v === 'string') return null;
  const key = (v as { approved: string }).approved;
  return key === 'implemented' ? 'implemented' : (Number(key.replace('stage', '')) as Reached);
}

/** Event types the current state has transitions for, asked of the machine (guards on the data are `can`'s business). */
export const acceptedRoadmapEvents = (snapshot: RoadmapSnapshot): Set<RoadmapEventType> =>
  new Set(getNextTransitions(snapshot).map((t) => t.eventType).filter(isRoadmapEventType));
