import { DomainError, refuse, type Violation } from '../shared/domain-error';
import type { BusinessDate } from '../shared/business-date';
import { ROLE_TITLES, type Actor } from '../people/roles';
import type { RoadmapStepBody, RoadmapStepName } from './roadmap.commands';
import type { RoadmapEvent } from './roadmap.events';
import { acceptedRoadmapEvents, evolveRoadmap, phaseOf, reachedOf, type RoadmapSnapshot } from './roadmap.state';
import { ROADMAP_STEP_POLICIES } from './roadmap.steps';
import { PHASE_TITLES, availableRoadmapSteps } from './roadmap.view';
import { activityOpen } from './rules/activity-open.rule';
import { roadmapDateValid } from './rules/roadmap-date.rule';
import { mentorMayBeTrained, type TraineeFacts } from './rules/trained-mentor.rule';

/** Facts the shell gathers before a decision; the core never reads a store or a clock. */
export interface RoadmapEnv {
  actor: Actor;
  today: BusinessDate;
  /** For `mentor-trained`: the person the body names. */
  trainee?: TraineeFacts;
}

const check = (...checks: (() => Violation | null)[]): void => {
  for (const c of checks) {
    const v = c();
    if (v) throw new DomainError({ kind: 'rule', ...v });
  }
};

export function authorizeRoadmapStep(step: RoadmapStepName, actor: Actor): Violation | null {
  const policy = ROADMAP_STEP_POLICIES[step];
  if (actor.roles.some((r) => policy.roles.includes(r))) return null;
  return {
    kind: 'forbidden', code: 'role-not-allowed', clause: policy.roleClause,
    message: `Шаг «${policy.title}» выполняет: ${policy.roles.map((r) => ROLE_TITLES[r]).join(', ')}.`,
  };
}

/** Decides one roadmap step of the actor's organisation: refuses with a clause, or returns the events. */
export function decideRoadmapStep<S extends RoadmapStepName>(step: S, body: RoadmapStepBody<S>, snapshot: RoadmapSnapshot, env: RoadmapEnv): RoadmapEvent[] {
  const policy = ROADMAP_STEP_POLICIES[step];
  const denied = authorizeRoadmapStep(step, env.actor);
  if (denied) refuse({ kind: 'forbidden', ...denied });
  const phase = phaseOf(snapshot);
  if (!acceptedRoadmapEvents(snapshot).has(policy.event)) {
    refuse({
      kind: 'state', code: 'step-not-allowed', clause: policy.requires.clause,
      message: `Шаг «${policy.title}» сейчас невозможен (дорожная карта: ${PHASE_TITLES[phase]}). ${policy.requires.message}`,
      details: { state: phase, allowedSteps: availableRoadmapSteps(snapshot, env.actor).map((s) => s.step) },
    });
  }
  const ctx = snapshot.context;
  const b = body as { date: BusinessDate; documentRef: string };
  let events: RoadmapEvent[];
  switch (step as RoadmapStepName) {
    case 'draft':
      check(() => roadmapDateValid(b.date, env.today));
      events = [{ type: 'RoadmapDrafted', data: { orgId: env.actor.orgId, date: b.date, documentRef: b.documentRef } }];
      break;
    case 'approve':
      check(() => roadmapDateValid(b.date, env.today, ctx.drafted && { date: ctx.drafted.date, what: 'дорожная карта была разработана' }));
      events = [{ type: 'RoadmapApproved', data: { date: b.date, documentRef: b.documentRef } }];
      break;
    case 'activity-done': {
      const { activityId } = body as RoadmapStepBody<'activity-done'>;
      check(() => roadmapDateValid(b.date, env.today), () => activityOpen(ctx, activityId, reachedOf(snapshot)!));
      events = [{ type: 'RoadmapActivityDone', data: { activityId, date: b.date, documentRef: b.documentRef } }];
      break;
    }
    case 'mentor-trained': {
      const { personId } = body as RoadmapStepBody<'mentor-trained'>;
      if (!env.trainee || env.trainee.personId !== personId) throw new Error('mentor-trained needs the facts of the person the body names');
      check(() => roadmapDateValid(b.date, env.today), () => mentorMayBeTrained(ctx, env.trainee!));
      events = [{ type: 'MentorTrainingCompleted', data: { personId, date: b.date, documentRef: b.documentRef } }];
      break;
    }
  }
  ensureFolds(snapshot, events);
  return events;
}

/** The last word is the machine's: every decided event must be one it accepts. */
function ensureFolds(snapshot: RoadmapSnapshot, events: RoadmapEvent[]): void {
  let s = snapshot;
  for (const e of events) {
    if (!s.can(e)) refuse({ kind: 'state', code: 'step-not-allowed', clause: 'Дорожная карта', message: `Шаг не принят дорожной картой в состоянии «${PHASE_TITLES[phaseOf(s)]}».` });
    s = evolveRoadmap(s, e);
  }
}
