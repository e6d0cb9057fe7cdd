import { DomainError, type Refusal } from '../../shared/domain-error';
import type { RoadmapStepBody, RoadmapStepName } from '../roadmap.commands';
import { decideRoadmapStep, type RoadmapEnv } from '../roadmap.decider';
import { parseRoadmapEvent, type RoadmapEvent } from '../roadmap.events';
import { foldRoadmap, type RoadmapSnapshot } from '../roadmap.state';

/**
 * Given–when–then for the roadmap decider, like the mentorship one:
 * `given(...history).when(step, body, env).then(events)` or `.thenRefused({ code, clause, kind })`.
 */
export interface RoadmapOutcome {
  /** The decided events equal `expected`, are valid stored events, and fold onto the history. */
  then(expected: RoadmapEvent[]): RoadmapSnapshot;
  thenRefused(expected: Partial<Refusal>): Refusal;
}

const CYRILLIC = /[А-Яа-яЁё]/;

export function given(...history: RoadmapEvent[]) {
  return {
    when<S extends RoadmapStepName>(step: S, body: RoadmapStepBody<S>, env: RoadmapEnv): RoadmapOutcome {
      const run = (): RoadmapEvent[] | DomainError => {
        try {
          return decideRoadmapStep(step, body, foldRoadmap(history), env);
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
          for (const e of result) expect(parseRoadmapEvent(e)).toEqual(e);
          return foldRoadmap([...history, ...result]);
        },
        thenRefused(expected) {
          const result = run();
          if (!(result instanceof DomainError)) throw new Error(`Expected refusal ${JSON.stringify(expected)}, got ${JSON.stringify(result)}`);
          expect(result.refusal).toMatchObject(expected);
          expect(result.refusal.message).toMatch(CYRILLIC);
          return result.refusal;
        },
      };
    },
  };
}
