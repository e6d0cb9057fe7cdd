import { DomainError, refuse, type Refusal } from '../shared/domain-error';
import type { BusinessDate } from '../shared/business-date';
import type { Actor } from '../people/roles';
import { menteeIds, type MentorshipContext } from './mentorship.context';
import type { ProposeBody, StepBody, StepName } from './mentorship.commands';
import type { EventOf, MentorshipEvent } from './mentorship.events';
import { authorizePropose, authorizeStep } from './mentorship.policy';
import { acceptedEventTypes, closedBy, evolve, initialSnapshot, stateOf, type MentorshipSnapshot } from './mentorship.state';
import { STEP_POLICIES } from './mentorship.steps';
import { stateTitle } from './mentorship.vocabulary';
import { availableSteps } from './mentorship.view';
import { proposedFromBanks, type PersonFacts } from './rules/bank-membership.rule';
import { completionReasonHolds } from './rules/completion-reason.rule';
import { noticeFromParty, noticePeriodKept } from './rules/early-termination.rule';
import { extensionWithinLimit } from './rules/extension-limit.rule';
import { mentorCapacity } from './rules/mentor-capacity.rule';
import { mentorNotAmongMentees } from './rules/mentor-not-mentee.rule';
import { agreedByAllParticipants } from './rules/mutual-agreement.rule';
import { newMentorDiffers } from './rules/new-mentor.rule';
import { consentToPairRecorded, newPairConsentsValid } from './rules/new-pair-consent.rule';
import { participantsFitForm } from './rules/participants.rule';
import { plannedDurationWithinLimits } from './rules/planned-duration.rule';
import { activitiesWithinTerm, activityPending } from './rules/program-content.rule';
import { acknowledgementFromPendingMentee, reportFromPendingMentee } from './rules/report-author.rule';
import type { RuleCheck } from './rules/rule';
import { stepDateInOrder } from './rules/step-date.rule';
import { agreementNotAfterOrder } from './rules/supplementary-agreement.rule';
import { consentFromPendingParticipant } from './rules/written-consent.rule';

/** A mentee place held in a mentor's stream: the cross-stream limit of §3.7. */
export interface Reservation {
  mentorId: string;
  mentorshipId: string;
  menteeIds: string[];
}

/** What a command decided: events for this stream, and what the shell writes elsewhere first. */
export interface Decision {
  events: MentorshipEvent[];
  reservation?: Reservation;
  successor?: { mentorshipId: string; event: EventOf<'MentorshipContinued'> };
}

/** Facts the shell gathers before a decision; the core never reads a store or a clock. */
export interface StepEnv {
  actor: Actor;
  today: BusinessDate;
  /** For `replace`: the new mentor and their current load, and the id chosen for the successor. */
  newMentor?: { facts: PersonFacts; load: number };
  successorId?: string;
}

export interface ProposeEnv {
  actor: Actor;
  today: BusinessDate;
  mentorshipId: string;
  mentor: PersonFacts;
  mentees: PersonFacts[];
  mentorLoad: number;
  /** Each mentee's other unfinished mentorships on the proposal's date (§3.4: a warning, not a refusal). */
  otherUnfinished?: Readonly<Record<string, readonly string[]>>;
}

const check = (...checks: (() => RuleCheck)[]): void => {
  for (const c of checks) {
    const v = c();
    if (v) throw new DomainError({ kind: 'rule', ...v });
  }
};

/** Activities as the program lists them: numbered on from the last number this mentorship used. */
const numbered = <A extends object>(ctx: MentorshipContext, activities: A[]) =>
  activities.map((a, i) => ({ id: `A${ctx.nextActivityNo + i}`, ...a }));

const only = (event: MentorshipEvent): Decision => ({ events: [event] });

export function decidePropose(body: ProposeBody, env: ProposeEnv): Decision {
  const denied = authorizePropose(env.actor);
  if (denied) refuse(denied);
  if (env.mentor.personId !== body.mentorId || env.mentees.map((m) => m.personId).join() !== body.menteeIds.join()) {
    throw new Error('decidePropose: the facts given are not about the people named in the proposal');
  }
  check(
    () => stepDateInOrder(body.date, undefined, env.today),
    () => participantsFitForm(body.mentorId, body.menteeIds, body.form),
    () => plannedDurationWithinLimits(body.plannedStart, body.plannedEnd),
    () => proposedFromBanks(env.mentor, env.mentees),
    () => mentorCapacity(env.mentorLoad, body.menteeIds.length),
  );
  const otherUnfinished = body.menteeIds
    .map((personId) => ({ personId, mentorshipIds: [...(env.otherUnfinished?.[personId] ?? [])].filter((id) => id !== env.mentorshipId) }))
    .filter((m) => m.mentorshipIds.length > 0);
  const event: EventOf<'MentorshipProposed'> = {
    type: 'MentorshipProposed',
    data: {
      mentorshipId: env.mentorshipId,
      orgId: env.actor.orgId,
      mentorId: body.mentorId,
      mentees: env.mentees.map((m) => ({ personId: m.personId, firstWorkingDay: m.firstWorkingDay! })),
      form: body.form,
      topic: body.topic,
      plannedStart: body.plannedStart,
      plannedEnd: body.plannedEnd,
      date: body.date,
      ...(otherUnfinished.length ? { otherUnfinished } : {}),
    },
  };
  ensureFolds(initialSnapshot(), [event]);
  return { events: [event], reservation: { mentorId: body.mentorId, mentorshipId: env.mentorshipId, menteeIds: body.menteeIds } };
}

/** What a step's decision reads besides its body. */
interface StepInput {
  snapshot: MentorshipSnapshot;
  ctx: MentorshipContext;
  env: StepEnv;
  /** The person taking the step, for the steps a mentee takes for themselves. */
  actorPerson: string;
}

type StepDecider<S extends StepName> = (body: StepBody<S>, input: StepInput) => Decision;

/** One decision per step, each with its own body type: the rules it checks and the events it builds. */
const STEP_DECIDERS: { [S in StepName]: StepDecider<S> } = {
  consent: (b, { ctx }) => {
    check(() => consentFromPendingParticipant(ctx, b.personId));
    return only({ type: 'ConsentRecorded', data: b });
  },
  order: (b) => {
    check(() => agreementNotAfterOrder(b.agreement, b.date));
    return only({ type: 'OrderIssued', data: b });
  },
  program: (b, { ctx }) => {
    check(() => activitiesWithinTerm(ctx, b.date, b.activities.map((a) => a.due)));
    return only({ type: 'ProgramDrafted', data: { date: b.date, activities: numbered(ctx, b.activities) } });
  },
  acknowledge: (b, { ctx, actorPerson }) => {
    check(() => acknowledgementFromPendingMentee(ctx, actorPerson), () => consentToPairRecorded(ctx, actorPerson));
    return only({ type: 'ProgramAcknowledged', data: { personId: actorPerson, date: b.date } });
  },
  'activity-done': (b, { ctx }) => {
    check(() => activityPending(ctx, b.activityId));
    return only({ type: 'ActivityCompleted', data: b });
  },
  amend: (b, { ctx }) => {
    check(
      () => agreedByAllParticipants(ctx, b.agreedBy),
      () => activitiesWithinTerm(ctx, b.date, b.activities.map((a) => a.due)),
    );
    return only({ type: 'ProgramAmended', data: { ...b, activities: numbered(ctx, b.activities) } });
  },
  extend: (b, { ctx }) => {
    check(() => agreedByAllParticipants(ctx, b.agreedBy), () => extensionWithinLimit(ctx, b.plannedEnd));
    return only({ type: 'ProgramExtended', data: b });
  },
  complete: (b, { ctx }) => {
    check(() => completionReasonHolds(ctx, b.reason));
    return only({ type: 'MentorshipCompleted', data: b });
  },
  'end-early': (b, { ctx }) => {
    const mentees = menteeIds(ctx);
    // Who gave notice, by id: the mentor; the mentee named (or the only one); nobody for the employer.
    const personId = b.noticeBy === 'mentor' ? ctx.mentorId : b.noticeBy === 'mentee' ? b.menteeId ?? (mentees.length === 1 ? mentees[0] : undefined) : undefined;
    check(() => noticeFromParty(ctx, b.noticeBy, personId), () => noticePeriodKept(ctx, b.noticeDate, b.date));
    const { menteeId: _named, ...rest } = b;
    return only({ type: 'MentorshipEndedEarly', data: { ...rest, ...(personId ? { personId } : {}) } });
  },
  'mentor-report': (b, { ctx }) => only({ type: 'MentorReportSubmitted', data: { personId: ctx.mentorId, ...b } }),
  'mentee-report': (b, { ctx, actorPerson }) => {
    check(() => reportFromPendingMentee(ctx, actorPerson));
    return only({ type: 'MenteeReportSubmitted', data: { personId: actorPerson, ...b } });
  },
  'request-replacement': (b) => only({ type: 'ReplacementRequested', data: b }),
  replace: (b, { snapshot, env }) => decideReplace(b, snapshot, env),
  publish: (b) => only({ type: 'ResultsPublished', data: b }),
  withdraw: (b) => only({ type: 'MentorshipWithdrawn', data: b }),
};

export function decideStep<S extends StepName>(step: S, body: StepBody<S>, snapshot: MentorshipSnapshot, env: StepEnv): Decision {
  const ctx = snapshot.context;
  const policy = STEP_POLICIES[step];
  const denied = authorizeStep(step, env.actor, ctx);
  if (denied) refuse(denied);
  if (!acceptedEventTypes(snapshot).has(policy.event)) {
    // A guard's precondition that fails whatever the body says (all activities done…) says why; otherwise the step's own condition.
    const requires = closedBy(snapshot, policy.event) ?? policy.requires;
    refuse({
      kind: 'state',
      code: 'step-not-allowed',
      clause: requires.clause,
      message: `Шаг «${policy.title}» сейчас невозможен (состояние: «${stateTitle(stateOf(snapshot))}»). ${requires.message}`,
      details: { state: stateOf(snapshot), allowedSteps: availableSteps(snapshot, env.actor).map((s) => s.step) },
    });
  }
  check(() => stepDateInOrder(body.date, ctx.lastDate, env.today));
  const decide: StepDecider<S> = STEP_DECIDERS[step];
  const decision = decide(body, { snapshot, ctx, env, actorPerson: env.actor.personId ?? '' });
  ensureFolds(snapshot, decision.events);
  return decision;
}

function decideReplace(b: StepBody<'replace'>, snapshot: MentorshipSnapshot, env: StepEnv): Decision {
  const ctx = snapshot.context;
  if (!env.newMentor || !env.successorId) throw new Error('replace needs the new mentor facts and a successor id');
  if (env.newMentor.facts.personId !== b.newMentorId) throw new Error('replace: the facts given are not about the new mentor');
  const mentees = menteeIds(ctx);
  check(
    () => newMentorDiffers(ctx, b.newMentorId),
    () => mentorNotAmongMentees(b.newMentorId, mentees),
    () => proposedFromBanks(env.newMentor!.facts, []),
    () => mentorCapacity(env.newMentor!.load, mentees.length),
    () => newPairConsentsValid(ctx, b.menteeConsents, b.date),
    () => agreementNotAfterOrder(b.agreement, b.date),
  );
  const successor: EventOf<'MentorshipContinued'> = {
    type: 'MentorshipContinued',
    data: {
      mentorshipId: env.successorId,
      orgId: ctx.orgId,
      mentorId: b.newMentorId,
      mentees: ctx.mentees,
      form: ctx.form,
      topic: ctx.topic,
      plannedStart: ctx.plannedStart,
      plannedEnd: ctx.plannedEnd,
      date: b.date,
      predecessorId: ctx.mentorshipId,
      newMentorConsentRef: b.newMentorConsentRef,
      orderNumber: b.orderNumber,
      ...(b.menteeConsents ? { menteeConsents: b.menteeConsents } : {}),
      ...(b.agreement ? { agreement: b.agreement } : {}),
    },
  };
  ensureFolds(initialSnapshot(), [successor]);
  // The mentees' consents and the new mentor's agreement belong to the successor pair, not to this mentorship's record.
  const { menteeConsents: _c, agreement: _a, ...replaced } = b;
  return {
    events: [{ type: 'MentorReplaced', data: { ...replaced, successorId: env.successorId } }],
    reservation: { mentorId: b.newMentorId, mentorshipId: env.successorId, menteeIds: mentees },
    successor: { mentorshipId: env.successorId, event: successor },
  };
}

/** The last word is the machine's: every decided event must be one it accepts. */
function ensureFolds(snapshot: MentorshipSnapshot, events: MentorshipEvent[]): void {
  let s = snapshot;
  for (const e of events) {
    if (!s.can(e)) {
      const refusal: Refusal = {
        kind: 'state',
        code: 'step-not-allowed',
        message: `Шаг не принят жизненным циклом наставничества в состоянии «${stateTitle(stateOf(s))}».`,
      };
      refuse(refusal);
    }
    s = evolve(s, e);
  }
}
