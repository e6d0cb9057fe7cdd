import { z } from 'zod';
import type { Actor, Role } from '../people/roles';
import { ROADMAP_STEP_BODIES, ROADMAP_STEP_NAMES, type RoadmapStepName } from './roadmap.commands';
import type { Documented, RoadmapContext } from './roadmap.context';
import { acceptedRoadmapEvents, phaseOf, reachedOf, type RoadmapPhase, type RoadmapSnapshot } from './roadmap.state';
import { ROADMAP_STEP_POLICIES } from './roadmap.steps';
import {
  CONTINUOUS_STAGE, missingOf, ROADMAP_STAGES, stageComplete, stageOf, type RoadmapActivity, type StageNo,
} from './roadmap.stages';
import type { Reached } from './roadmap.machine';

export const PHASE_TITLES: Record<RoadmapPhase, string> = {
  new: 'не разработана',
  drafted: 'разработана, ждёт утверждения заведующим',
  approved: 'утверждена, выполняется',
  implemented: 'все мероприятия выполнены',
};

export type StageStatus = 'done' | 'current' | 'ahead' | 'continuous';

export interface AvailableRoadmapStep {
  step: RoadmapStepName;
  title: string;
  as: Role[];
  schema: unknown;
}

const schemas = new Map<RoadmapStepName, unknown>();
/** JSON Schema of a step's body, generated from the zod schema the API validates with. */
export function roadmapStepJsonSchema(step: RoadmapStepName): unknown {
  if (!schemas.has(step)) schemas.set(step, z.toJSONSchema(ROADMAP_STEP_BODIES[step], { io: 'input' }));
  return schemas.get(step);
}

/** Steps the machine accepts now that this actor's roles may take. */
export function availableRoadmapSteps(snapshot: RoadmapSnapshot, actor: Actor): AvailableRoadmapStep[] {
  const accepted = acceptedRoadmapEvents(snapshot);
  return ROADMAP_STEP_NAMES.flatMap((step) => {
    const policy = ROADMAP_STEP_POLICIES[step];
    const as = policy.roles.filter((r) => actor.roles.includes(r));
    return accepted.has(policy.event) && as.length ? [{ step, title: policy.title, as, schema: roadmapStepJsonSchema(step) }] : [];
  });
}

function stageStatus(no: StageNo, reached: Reached | null, done: RoadmapContext['done']): StageStatus {
  if (stageComplete(no, done)) return 'done';
  if (no === CONTINUOUS_STAGE) return 'continuous';
  return reached === no ? 'current' : 'ahead';
}

const activityLine = (a: RoadmapActivity, done: Documented | undefined) => ({
  id: a.id, title: a.title, required: a.required, ...(a.condition ? { condition: a.condition } : {}), done: done ?? null,
});

/**
 * The roadmap as a user reads it: phase, the stage the organisation is in, each stage with its
 * activities (done with date and document, or not), and what is missing to move on.
 */
export function roadmapView(snapshot: RoadmapSnapshot, actor: Actor) {
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const reached = reachedOf(snapshot);
  const current = reached === null || reached === 'implemented' ? null : stageOf(reached);
  const missing = [
    ...(current ? missingOf(current.no, ctx.done) : []),
    ...(current && current.no !== CONTINUOUS_STAGE ? missingOf(CONTINUOUS_STAGE, ctx.done) : []),
  ];
  return {
    phase,
    phaseTitle: PHASE_TITLES[phase],
    stage: current ? { no: current.no, title: current.title } : null,
    drafted: ctx.drafted ?? null,
    approved: ctx.approved ?? null,
    stages: ROADMAP_STAGES.map((s) => ({
      no: s.no,
      title: s.title,
      status: stageStatus(s.no, reached, ctx.done),
      activities: s.activities.map((a) => activityLine(a, ctx.done[a.id])),
    })),
    missing: missing.map((a) => ({ id: a.id, stage: a.stage, title: a.title })),
    trainedMentors: Object.entries(ctx.trained).map(([personId, d]) => ({ personId, ...d })),
    availableSteps: availableRoadmapSteps(snapshot, actor),
  };
}

export type RoadmapView = ReturnType<typeof roadmapView>;
