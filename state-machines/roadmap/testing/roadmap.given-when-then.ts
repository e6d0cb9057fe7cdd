import { deciderOutcome, type DeciderOutcome } from '../../shared/testing/decider-outcome';
import type { RoadmapStepBody, RoadmapStepName } from '../roadmap.commands';
import { decideRoadmapStep, type RoadmapEnv } from '../roadmap.decider';
import { parseRoadmapEvent, type RoadmapEvent } from '../roadmap.events';
import { foldRoadmap, type RoadmapSnapshot } from '../roadmap.state';

/**
 * Given–when–then for the roadmap decider, like the mentorship one:
 * `given(...history).when(step, body, env).then(events)` or `.thenRefused({ code, clause, kind })`.
 */
export type RoadmapOutcome = DeciderOutcome<RoadmapEvent, RoadmapSnapshot>;

export function given(...history: RoadmapEvent[]) {
  return {
    when<S extends RoadmapStepName>(step: S, body: RoadmapStepBody<S>, env: RoadmapEnv): RoadmapOutcome {
      return deciderOutcome(history, () => decideRoadmapStep(step, body, foldRoadmap(history), env), parseRoadmapEvent, foldRoadmap);
    },
  };
}
