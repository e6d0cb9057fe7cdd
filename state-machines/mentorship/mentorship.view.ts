import { z } from 'zod';
import type { BusinessDate } from '../shared/business-date';
import type { Actor, Role } from '../people/roles';
import { STEP_BODIES, STEP_NAMES, type StepName } from './mentorship.commands';
import type { MentorshipContext } from './mentorship.context';
import { deadlines, type DeadlineFlag } from './mentorship.deadlines';
import { rolesForStep } from './mentorship.policy';
import { acceptedEventTypes, stateOf, type MentorshipSnapshot } from './mentorship.state';
import { STEP_POLICIES } from './mentorship.steps';
import type { Warning } from './rules/short-program.rule';
import { warningFacts, warningsOf } from './mentorship.warnings';
import { consentToPairRecorded } from './rules/new-pair-consent.rule';

export interface AvailableStep {
  step: StepName;
  title: string;
  as: Role[];
}

/**
 * §3.6: a mentee acknowledges the program and reports once; a group keeps the step open for the others.
 * §3.7: in a successor, a mentee acknowledges only once their consent to the new mentor is recorded.
 */
function closedForThisMentee(step: StepName, actor: Actor, ctx: MentorshipContext): boolean {
  const done = step === 'acknowledge' ? ctx.acknowledgements : step === 'mentee-report' ? ctx.menteeReports : undefined;
  if (step === 'acknowledge' && actor.personId && ctx.consents[actor.personId] && consentToPairRecorded(ctx, actor.personId)) return true;
  return !!done && !!actor.personId && !!done[actor.personId];
}

/** Steps this actor may take now: the machine says which exist, the policy says whose they are. */
export function availableSteps(snapshot: MentorshipSnapshot, actor: Actor): AvailableStep[] {
  const accepted = acceptedEventTypes(snapshot);
  return STEP_NAMES.flatMap((step) => {
    const policy = STEP_POLICIES[step];
    if (!accepted.has(policy.event) || closedForThisMentee(step, actor, snapshot.context)) return [];
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
  return warningsOf(warningFacts(snapshot.context, stateOf(snapshot)));
}

export function viewOf(snapshot: MentorshipSnapshot, today: BusinessDate) {
  const state = stateOf(snapshot);
  return {
    state,
    deadlines: state === 'new' ? [] : deadlines(snapshot.context, state, today),
    warnings: warnings(snapshot),
  };
}
