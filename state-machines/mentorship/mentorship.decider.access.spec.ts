import { given } from '../testing/given-when-then';
import {
  actor, actors, CANONICAL_STATES, MENTEE, MENTOR, MENTOR_2, mentorFacts, ONE, OTHER_ORG, stepEnv, SUCCESSOR_ID, TODAY, withAgreement,
} from '../testing/fixtures';
import { addDays } from '../shared/business-date';
import type { Actor } from '../people/roles';
import { STEP_NAMES, type StepBody, type StepName } from './mentorship.commands';
import type { StepEnv } from './mentorship.decider';
import type { MentorshipEvent } from './mentorship.events';
import { fold } from './mentorship.state';

/** One valid command per step, in the canonical state where it is open, with its date as a parameter. */
interface Case { history: MentorshipEvent[]; body: (date: string) => StepBody<StepName>; actor: Actor; env?: Partial<StepEnv> }
const due = '2025-03-01';
const CASES: Record<StepName, Case> = {
  consent: { history: ONE.proposed, body: (date) => ({ personId: MENTOR, given: true, date, documentRef: 'Согласие' }), actor: actors.curator() },
  order: { history: ONE.consented, body: (date) => ({ number: '15-к', date }), actor: actors.head() },
  program: { history: ONE.ordered, body: (date) => ({ date, activities: [{ kind: 'theory', title: 'Теория', due }] }), actor: actors.mentor() },
  acknowledge: { history: ONE['program-drafted'], body: (date) => ({ date }), actor: actors.mentee() },
  'activity-done': { history: ONE.active, body: (date) => ({ activityId: 'A1', date }), actor: actors.mentor() },
  amend: { history: ONE.active, body: (date) => ({ date, activities: [{ kind: 'other', title: 'Иное', due }], agreedBy: [MENTOR, MENTEE] }), actor: actors.mentor() },
  extend: { history: ONE.active, body: (date) => ({ date, plannedEnd: '2025-07-31', agreedBy: [MENTOR, MENTEE] }), actor: actors.curator() },
  complete: { history: ONE.active, body: (date) => ({ date, reason: 'mutual-decision' }), actor: actors.curator() },
  // Under a supplementary agreement, an activity done in 2025: a notice a week before is at least 3 working days ahead.
  'end-early': {
    history: [...withAgreement(ONE.active), { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2025-04-25' } }], actor: actors.curator(),
    body: (date) => ({ noticeBy: 'mentor', noticeDate: addDays(date, -7), noticeRef: 'Уведомление', date }),
  },
  'mentor-report': { history: ONE.completed, body: (date) => ({ date, text: 'Отчёт', recommendations: 'Рекомендации' }), actor: actors.mentor() },
  'mentee-report': { history: ONE.completed, body: (date) => ({ date, text: 'Отчёт', mentorEvaluation: 4 }), actor: actors.mentee() },
  'request-replacement': { history: ONE.active, body: (date) => ({ date, reason: 'mentor-request' }), actor: actors.mentee() },
  replace: {
    history: ONE.active, actor: actors.head(), env: { newMentor: { facts: mentorFacts(MENTOR_2), load: 0 }, successorId: SUCCESSOR_ID },
    body: (date) => ({ date, reason: 'other', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие', orderNumber: '31-к' }),
  },
  publish: { history: ONE.completed, body: (date) => ({ date, summary: 'Итоги' }), actor: actors.curator() },
  withdraw: { history: ONE.proposed, body: (date) => ({ date, reason: 'Отозвано' }), actor: actors.curator() },
};
const run = (step: StepName, c: Case, date: string, today: string, a: Actor = c.actor) =>
  given(...c.history).when(step, c.body(date), { actor: a, today, ...c.env });

describe.each(STEP_NAMES)('step %s: dates never go backwards nor past today', (step) => {
  const c = CASES[step];
  const last = fold(c.history).context.lastDate;

  it('accepts the date of the previous step, on that very day', () => {
    run(step, c, last, last).then([expect.objectContaining({ data: expect.objectContaining({ date: last }) }) as never]);
  });

  it('refuses a date before the previous step', () => {
    const refusal = run(step, c, addDays(last, -1), TODAY).thenRefused({ kind: 'rule', code: 'date-before-previous-step' });
    expect(refusal.details).toEqual({ date: addDays(last, -1), lastDate: last });
  });

  it('refuses a date after today', () => {
    run(step, c, addDays(last, 1), last).thenRefused({ kind: 'rule', code: 'date-in-future' });
  });

  it('refuses an actor of another organisation in the same role', () => {
    const foreign = { ...c.actor, orgId: OTHER_ORG };
    run(step, c, last, TODAY, foreign).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });

  it('refuses the methodist and the admin (no step of the lifecycle is theirs)', () => {
    run(step, c, last, TODAY, actors.methodist()).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
    run(step, c, last, TODAY, actors.admin()).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });
});

describe('the auditor reads and never acts', () => {
  const histories = {
    ...ONE,
    declined: [...ONE.proposed, { type: 'ConsentRecorded', data: { personId: MENTEE, given: false, date: '2024-09-05', documentRef: 'Отказ' } }],
  } as Record<string, MentorshipEvent[]>;
  const states = [...CANONICAL_STATES, 'declined'];

  it.each(states.flatMap((s) => STEP_NAMES.map((step) => [s, step] as const)))('in %s: %s is forbidden', (state, step) => {
    const c = CASES[step];
    given(...histories[state]).when(step, c.body(TODAY), { actor: actors.auditor(), today: TODAY, ...c.env })
      .thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });
});

describe('a mentor or mentee acts only on their own mentorship', () => {
  const strangers: Record<'mentor' | 'mentee', Actor> = { mentor: actors.mentor(MENTOR_2), mentee: actors.mentee('p-mentee-9') };
  const ownSteps = STEP_NAMES.filter((s) => ['mentor', 'mentee'].includes(CASES[s].actor.roles[0]));

  it.each(ownSteps)('%s is refused to a stranger in the same role', (step) => {
    const c = CASES[step];
    const stranger = strangers[c.actor.roles[0] as 'mentor' | 'mentee'];
    run(step, c, fold(c.history).context.lastDate, TODAY, stranger).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });

  it('a mentor role without a person id is nobody\'s mentor', () => {
    run('program', CASES.program, '2024-09-16', TODAY, actor('mentor')).thenRefused({ kind: 'forbidden' });
  });
});
