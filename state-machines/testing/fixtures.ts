import type { Actor, Role } from '../people/roles';
import type { ProposeBody } from '../mentorship/mentorship.commands';
import type { ProposeEnv, StepEnv } from '../mentorship/mentorship.decider';
import type { EventOf, MentorshipEvent, SupplementaryAgreement } from '../mentorship/mentorship.events';
import type { MentoringForm } from '../mentorship/mentorship.vocabulary';
import type { PersonFacts } from '../mentorship/rules/bank-membership.rule';

/** Shared test data: one organisation, its people, and canonical histories for every state. */
export const ORG = 'org-1';
export const OTHER_ORG = 'org-2';
export const MENTORSHIP_ID = 'ms-1';
export const SUCCESSOR_ID = 'ms-2';

export const MENTOR = 'p-mentor';
export const MENTOR_2 = 'p-mentor-2';
export const MENTEE = 'p-mentee-1';
export const MENTEE_2 = 'p-mentee-2';
export const MENTEE_3 = 'p-mentee-3';
export const OUTSIDER = 'p-outsider';

export const FIRST_WORKING_DAY = '2024-09-02';
export const PLANNED_START = '2024-09-10';
export const PLANNED_END = '2025-05-31';
/** "Today" for every spec unless it says otherwise: after the canonical completion. */
export const TODAY = '2025-06-02';

export const actor = (role: Role, personId?: string, orgId = ORG): Actor => ({
  userId: `u-${role}${personId ? `-${personId}` : ''}`, orgId, roles: [role], ...(personId ? { personId } : {}),
});

export const actors = {
  head: () => actor('head', 'p-head'),
  curator: () => actor('curator', 'p-curator'),
  methodist: () => actor('methodist', 'p-methodist'),
  admin: () => actor('admin'),
  auditor: () => actor('auditor'),
  mentor: (personId = MENTOR) => actor('mentor', personId),
  mentee: (personId = MENTEE) => actor('mentee', personId),
};

export const stepEnv = (a: Actor, today = TODAY, extra: Partial<StepEnv> = {}): StepEnv => ({ actor: a, today, ...extra });

export const mentorFacts = (personId = MENTOR, over: Partial<PersonFacts> = {}): PersonFacts => ({
  personId, exists: true, personalDataConsent: true, inMentorBank: true, inMenteeBank: false, firstWorkingDay: '2015-09-01', ...over,
});

export const menteeFacts = (personId = MENTEE, over: Partial<PersonFacts> = {}): PersonFacts => ({
  personId, exists: true, personalDataConsent: true, inMentorBank: false, inMenteeBank: true, firstWorkingDay: FIRST_WORKING_DAY, ...over,
});

export const proposeBody = (over: Partial<ProposeBody> = {}): ProposeBody => ({
  mentorId: MENTOR, menteeIds: [MENTEE], form: 'traditional', topic: 'Адаптация молодого педагога',
  plannedStart: PLANNED_START, plannedEnd: PLANNED_END, date: '2024-09-03', ...over,
});

/** The env a curator's proposal of `body` gets from the shell, with facts for exactly its people. */
export const proposeEnv = (body: ProposeBody, over: Partial<ProposeEnv> = {}): ProposeEnv => ({
  actor: actors.curator(), today: TODAY, mentorshipId: MENTORSHIP_ID,
  mentor: mentorFacts(body.mentorId), mentees: body.menteeIds.map((id) => menteeFacts(id)), mentorLoad: 0, ...over,
});

export const CANONICAL_STATES = ['proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed'] as const;
export type CanonicalState = (typeof CANONICAL_STATES)[number];
export type History = Record<CanonicalState, MentorshipEvent[]>;

export const PROGRAM_DATE = '2024-09-16';
export const ACTIVITIES: EventOf<'ProgramDrafted'>['data']['activities'] = [
  { id: 'A1', kind: 'workplace-intro', title: 'Знакомство с группой и рабочим местом', due: '2024-09-30' },
  { id: 'A2', kind: 'theory', title: 'Изучение ФОП ДО', due: '2024-12-20' },
  { id: 'A3', kind: 'practical-task', title: 'Открытое занятие', due: '2025-04-30' },
];

/**
 * A mentorship taken along the normal path; each state's history extends the previous one.
 * Dates: proposal 09-03, consents 09-04/09-05, order 09-10 (first working day + 8), program 09-16
 * (order + 6), acknowledgements 09-18, activities done, completion 2025-05-30 (plan fulfilled).
 */
export function mentorshipHistory(opts: { mentees?: string[]; form?: MentoringForm; mentorshipId?: string } = {}): History {
  const mentees = opts.mentees ?? [MENTEE];
  const form = opts.form ?? (mentees.length > 1 ? 'group' : 'traditional');
  const proposed: MentorshipEvent[] = [{
    type: 'MentorshipProposed',
    data: {
      mentorshipId: opts.mentorshipId ?? MENTORSHIP_ID, orgId: ORG, mentorId: MENTOR,
      mentees: mentees.map((personId) => ({ personId, firstWorkingDay: FIRST_WORKING_DAY })),
      form, topic: 'Адаптация молодого педагога', plannedStart: PLANNED_START, plannedEnd: PLANNED_END, date: '2024-09-03',
    },
  }];
  const consented: MentorshipEvent[] = [
    ...proposed,
    { type: 'ConsentRecorded', data: { personId: MENTOR, given: true, date: '2024-09-04', documentRef: `Согласие ${MENTOR}` } },
    ...mentees.map((personId): MentorshipEvent => ({ type: 'ConsentRecorded', data: { personId, given: true, date: '2024-09-05', documentRef: `Согласие ${personId}` } })),
  ];
  const ordered: MentorshipEvent[] = [...consented, { type: 'OrderIssued', data: { number: '15-к', date: '2024-09-10' } }];
  const programDrafted: MentorshipEvent[] = [...ordered, { type: 'ProgramDrafted', data: { date: PROGRAM_DATE, activities: ACTIVITIES } }];
  const active: MentorshipEvent[] = [
    ...programDrafted,
    ...mentees.map((personId): MentorshipEvent => ({ type: 'ProgramAcknowledged', data: { personId, date: '2024-09-18' } })),
  ];
  const completed: MentorshipEvent[] = [
    ...active,
    { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } },
    { type: 'ActivityCompleted', data: { activityId: 'A2', date: '2024-12-18' } },
    { type: 'ActivityCompleted', data: { activityId: 'A3', date: '2025-04-25' } },
    { type: 'MentorshipCompleted', data: { date: '2025-05-30', reason: 'plan-fulfilled' } },
  ];
  return { proposed, consented, ordered, 'program-drafted': programDrafted, active, completed };
}

/** One-to-one and a group of two, ready to start from any state. */
export const ONE = mentorshipHistory();
export const GROUP = mentorshipHistory({ mentees: [MENTEE, MENTEE_2] });

/** A supplementary agreement to the mentor's employment contract (ТК РФ ст. 351.8), signed on the day of the canonical order. */
export const AGREEMENT: SupplementaryAgreement = { number: 'ДС-15', date: '2024-09-10', contractRef: '№ 7 от 01.09.2015', pay: 'amount', amount: 3000 };

/** The same history with its order recording the supplementary agreement, so ТК РФ ст. 351.8 governs it. */
export const withAgreement = (history: MentorshipEvent[], agreement: SupplementaryAgreement = AGREEMENT): MentorshipEvent[] =>
  history.map((e) => (e.type === 'OrderIssued' ? { type: 'OrderIssued', data: { ...e.data, agreement } } : e));
