import { z } from 'zod';
import type { BusinessDate } from '../shared/business-date';
import type { Actor, Role } from '../people/roles';
import { STEP_BODIES, STEP_NAMES, type StepName } from './mentorship.commands';
import type { MentorshipContext } from './mentorship.context';
import { deadlines, type DeadlineFlag } from './mentorship.deadlines';
import { rolesForStep } from './mentorship.policy';
import { acceptedEventTypes, stateOf, type MentorshipSnapshot } from './mentorship.state';
import { STEP_POLICIES } from './mentorship.steps';
import { shortProgramWarning, type Warning } from './rules/short-program.rule';
import { agreementMissingWarning } from './rules/supplementary-agreement.rule';

export interface AvailableStep {
  step: StepName;
  title: string;
  as: Role[];
}

/** §3.6: a mentee acknowledges the program and reports once; a group keeps the step open for the others. */
function takenByThisMentee(step: StepName, actor: Actor, ctx: MentorshipContext): boolean {
  const done = step === 'acknowledge' ? ctx.acknowledgements : step === 'mentee-report' ? ctx.menteeReports : undefined;
  return !!done && !!actor.personId && !!done[actor.personId];
}

/** Steps this actor may take now: the machine says which exist, the policy says whose they are. */
export function availableSteps(snapshot: MentorshipSnapshot, actor: Actor): AvailableStep[] {
  const accepted = acceptedEventTypes(snapshot);
  return STEP_NAMES.flatMap((step) => {
    const policy = STEP_POLICIES[step];
    if (!accepted.has(policy.event) || takenByThisMentee(step, actor, snapshot.context)) return [];
    const as = rolesForStep(step, actor, snapshot.context);
    return as.length ? [{ step, title: policy.title, as }] : [];
  });
}

const schemaCache = new Map<StepName, unknown>();
/** JSON Schema of a step's body, generated from the same zod schema the API validates with. */
export function stepBodyJsonSchema(step: StepName): unknown {
  if (!schemaCache.has(step)) schemaCache.set(step, z.toJSONSchema(STEP_BODIES[step], { io: 'input' }));
  return schemaCache.get(step);
}

export function warnings(snapshot: MentorshipSnapshot): Warning[] {
  const ctx = snapshot.context;
  if (stateOf(snapshot) === 'new') return [];
  return [
    shortProgramWarning(ctx.plannedStart, ctx.plannedEnd),
    agreementMissingWarning(ctx.order),
  ].filter((w): w is Warning => w !== null);
}


export function viewOf(snapshot: MentorshipSnapshot, today: BusinessDate) {
  const state = stateOf(snapshot);
  return {
    state,
    deadlines: state === 'new' ? [] : deadlines(snapshot.context, state, today),
    warnings: warnings(snapshot),
  };
}
