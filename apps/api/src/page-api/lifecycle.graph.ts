import type { AnyStateNode } from 'xstate';
import { mentorshipMachine, STATE_TITLES, STEP_NAMES, STEP_POLICIES, type MentorshipState, type StepName } from '#core/mentorship';
import { ROLE_TITLES } from '#core/people';

/** Events that are not steps of an existing mentorship (they create one). */
const CREATING_EVENTS: Record<string, { title: string; roles: string[] }> = {
  MentorshipProposed: { title: 'Предложить наставническую пару (группу)', roles: ['curator'] },
  MentorshipContinued: { title: 'Продолжение с новым наставником (п. 3.8)', roles: ['head'] },
};

/** Words for the machine's named guards; a guard missing here is shown by its name. */
const GUARD_TITLES: Record<string, string> = {
  durationWithinLimits: 'срок от 1 месяца до 1 года (п. 3.7)',
  consentRefusedByParticipant: 'участник письменно отказался',
  consentCompletes: 'получено последнее из согласий',
  consentFromPendingParticipant: 'согласились ещё не все',
  acknowledgementCompletes: 'ознакомились все наставляемые',
  acknowledgementPending: 'ознакомились ещё не все',
  activityPending: 'мероприятие ещё не выполнено',
  amendmentAgreed: 'согласовано наставником и наставляемыми (п. 7.2)',
  extensionAgreedAndWithinLimit: 'согласовано, и срок не больше года (п. 7.2, 3.7)',
  completionReasonHolds: 'есть основание по п. 7.1',
  byTheMentor: 'отчёт подаёт наставник',
  menteeReportCompletes: 'последний из отчётов наставляемых',
  menteeReportPending: 'отчитались ещё не все',
  newMentorDiffers: 'новый наставник — другой сотрудник',
  consentToNewMentorPending: 'согласие наставляемого на нового наставника ещё не записано (п. 3.7)',
  earlyEndNoticeKept: 'письменное уведомление не менее чем за 3 рабочих дня (ТК РФ ст. 351.8)',
};

const REGION_TITLES: Record<string, string> = {
  mentorReport: 'Отчёт наставника', menteeReports: 'Отчёты наставляемых', publication: 'Публикация итогов',
  pending: 'ожидается', submitted: 'сдан', unpublished: 'не опубликованы', published: 'опубликованы',
};

export interface LifecycleTransition {
  from: string;
  /** Absent when the step keeps the state (a self-transition). */
  to?: string;
  event: string;
  step: StepName | null;
  title: string;
  roles: string[];
  guard?: string;
  guardTitle?: string;
}

export interface LifecycleState {
  id: string;
  title: string;
  type: string;
  initial: boolean;
  /** Parallel regions of a compound state (e.g. reports and publication after completion). */
  regions: { id: string; title: string; states: { id: string; title: string }[]; transitions: LifecycleTransition[] }[];
}

const stepOfEvent = new Map(STEP_NAMES.map((s) => [STEP_POLICIES[s].event as string, s]));

function transitionsOf(node: AnyStateNode, from: string): LifecycleTransition[] {
  return Object.entries(node.on).flatMap(([event, candidates]) =>
    candidates.map((t) => {
      const step = stepOfEvent.get(event) ?? null;
      // A named guard is kept as its name; an inline or parameterised one as its `type`.
      const guard = typeof t.guard === 'string' ? t.guard : t.guard && typeof t.guard === 'object' && 'type' in t.guard ? String(t.guard.type) : undefined;
      const target = t.target?.[0]?.key;
      return {
        from,
        to: target === undefined || target === from ? undefined : target,
        event,
        step,
        title: step ? STEP_POLICIES[step].title : CREATING_EVENTS[event]?.title ?? event,
        roles: (step ? [...STEP_POLICIES[step].roles] : CREATING_EVENTS[event]?.roles ?? []).map((r) => ROLE_TITLES[r as keyof typeof ROLE_TITLES] ?? r),
        guard,
        guardTitle: guard ? GUARD_TITLES[guard] ?? guard : undefined,
      };
    }),
  );
}

/** The lifecycle as data, read from the machine definition itself: a new state or step shows up by itself. */
export function lifecycleGraph() {
  const root = mentorshipMachine.root;
  const states: LifecycleState[] = Object.values(root.states).map((node) => ({
    id: node.key,
    title: STATE_TITLES[node.key as MentorshipState] ?? (node.key === 'new' ? 'Ещё не создано' : node.key),
    type: node.type,
    initial: root.config.initial === node.key,
    regions: node.type === 'parallel'
      ? Object.values(node.states).map((region) => ({
        id: region.key,
        title: REGION_TITLES[region.key] ?? region.key,
        states: Object.values(region.states).map((s) => ({ id: s.key, title: REGION_TITLES[s.key] ?? s.key })),
        transitions: Object.values(region.states).flatMap((s) => transitionsOf(s, s.key)),
      }))
      : [],
  }));
  const transitions = Object.values(root.states).flatMap((node) => transitionsOf(node, node.key));
  return { id: mentorshipMachine.id, initial: String(root.config.initial), states, transitions };
}

export type LifecycleGraph = ReturnType<typeof lifecycleGraph>;
