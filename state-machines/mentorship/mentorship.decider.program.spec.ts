import { given } from '../testing/given-when-then';
import {
  ACTIVITIES, actor, actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, PLANNED_END, PROGRAM_DATE, stepEnv,
} from '../testing/fixtures';
import type { Role } from '../people/roles';
import type { MentorshipEvent } from './mentorship.events';
import { stateOf } from './mentorship.state';
import { COMPLETION_REASONS } from './mentorship.vocabulary';

const mentor = stepEnv(actors.mentor());
const curator = stepEnv(actors.curator());
const plan = ACTIVITIES.map(({ id: _id, ...a }) => a);

describe('program (the mentor of this mentorship, §3.6)', () => {
  const body = { date: PROGRAM_DATE, activities: plan };

  it('numbers the activities A1.. and moves to program-drafted', () => {
    const { snapshot } = given(...ONE.ordered).when('program', body, mentor).then([{ type: 'ProgramDrafted', data: { date: PROGRAM_DATE, activities: ACTIVITIES } }]);
    expect(stateOf(snapshot)).toBe('program-drafted');
    expect(snapshot.context.nextActivityNo).toBe(4);
  });

  it('is recorded even after the 10-day deadline (flagged, not refused)', () => {
    const late = plan.slice(1);
    given(...ONE.ordered).when('program', { date: '2024-10-01', activities: late }, mentor)
      .then([{ type: 'ProgramDrafted', data: { date: '2024-10-01', activities: late.map((a, i) => ({ id: `A${i + 1}`, ...a })) } }]);
  });

  it('accepts a due date on the program day and on the planned end', () => {
    const edges = [{ ...plan[0], due: PROGRAM_DATE }, { ...plan[1], due: PLANNED_END }];
    given(...ONE.ordered).when('program', { date: PROGRAM_DATE, activities: edges }, mentor)
      .then([{ type: 'ProgramDrafted', data: { date: PROGRAM_DATE, activities: edges.map((a, i) => ({ id: `A${i + 1}`, ...a })) } }]);
  });

  it.each([['before the program date', '2024-09-15'], ['after the planned end', '2025-06-01']])('refuses an activity due %s, naming its row', (_t, due) => {
    const refusal = given(...ONE.ordered).when('program', { date: PROGRAM_DATE, activities: [plan[0], { ...plan[1], due }] }, mentor)
      .thenRefused({ kind: 'rule', code: 'activity-due-outside-term', clause: '§3.6' });
    expect(refusal.details).toEqual({ due, fields: ['activities.1.due'] });
    expect(refusal.message).toMatch(/^Срок мероприятия № 2 \(\d\d\.\d\d\.\d{4}\) должен быть между датой программы \(\d\d\.\d\d\.\d{4}\)/);
  });

  it.each<[string, Role, string]>([
    ['another mentor', 'mentor', MENTOR_2],
    ['the mentee', 'mentee', MENTEE],
    ['the curator', 'curator', 'p-curator'],
    ['the head', 'head', 'p-head'],
  ])('is refused to %s', (_t, role, personId) => {
    given(...ONE.ordered).when('program', body, stepEnv(actor(role, personId))).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.6' });
  });

  it.each([['consented', ONE.consented], ['program-drafted', ONE['program-drafted']]])('is not drafted in state %s', (_t, history) => {
    given(...history).when('program', { ...body, date: '2024-09-20' }, mentor).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
  });
});

describe('acknowledge (each mentee, §3.6)', () => {
  const ack = { date: '2024-09-18' };

  it('a pair becomes active when its mentee acknowledges', () => {
    const { snapshot } = given(...ONE['program-drafted']).when('acknowledge', ack, stepEnv(actors.mentee()))
      .then([{ type: 'ProgramAcknowledged', data: { personId: MENTEE, date: ack.date } }]);
    expect(stateOf(snapshot)).toBe('active');
  });

  it('a group becomes active only when every mentee has acknowledged', () => {
    const first = given(...GROUP['program-drafted']).when('acknowledge', ack, stepEnv(actors.mentee(MENTEE_2)))
      .then([{ type: 'ProgramAcknowledged', data: { personId: MENTEE_2, date: ack.date } }]);
    expect(stateOf(first.snapshot)).toBe('program-drafted');
    given(...GROUP['program-drafted'], ...first.decision.events).when('acknowledge', ack, stepEnv(actors.mentee(MENTEE_2)))
      .thenRefused({ kind: 'rule', code: 'already-recorded', clause: '§3.6' });
    const last = given(...GROUP['program-drafted'], ...first.decision.events).when('acknowledge', ack, stepEnv(actors.mentee(MENTEE)))
      .then([{ type: 'ProgramAcknowledged', data: { personId: MENTEE, date: ack.date } }]);
    expect(stateOf(last.snapshot)).toBe('active');
  });

  it.each<[string, Role, string]>([['a mentee of another mentorship', 'mentee', MENTEE_2], ['the mentor', 'mentor', MENTOR], ['the curator', 'curator', 'p-curator']])(
    'is refused to %s', (_t, role, personId) => {
      given(...ONE['program-drafted']).when('acknowledge', ack, stepEnv(actor(role, personId))).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
    },
  );

  it('needs a drafted program', () => {
    given(...ONE.ordered).when('acknowledge', ack, stepEnv(actors.mentee())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
  });
});

describe('activity-done (mentor or curator, while active)', () => {
  it.each([['mentor', mentor], ['curator', curator]])('the %s marks an activity done', (_t, env) => {
    const { snapshot } = given(...ONE.active).when('activity-done', { activityId: 'A2', date: '2024-10-01' }, env)
      .then([{ type: 'ActivityCompleted', data: { activityId: 'A2', date: '2024-10-01' } }]);
    expect(stateOf(snapshot)).toBe('active');
    expect(snapshot.context.program?.activities.map((a) => a.doneOn)).toEqual([undefined, '2024-10-01', undefined]);
  });

  it('refuses an unknown activity and one already done', () => {
    given(...ONE.active).when('activity-done', { activityId: 'A9', date: '2024-10-01' }, mentor).thenRefused({ kind: 'rule', code: 'activity-not-found', clause: '§3.6' });
    given(...ONE.active, { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } })
      .when('activity-done', { activityId: 'A1', date: '2024-10-01' }, mentor).thenRefused({ kind: 'rule', code: 'activity-already-done', clause: '§3.6' });
  });

  it('is refused to the mentee and before activation', () => {
    given(...ONE.active).when('activity-done', { activityId: 'A1', date: '2024-10-01' }, stepEnv(actors.mentee())).thenRefused({ kind: 'forbidden' });
    given(...ONE['program-drafted']).when('activity-done', { activityId: 'A1', date: '2024-10-01' }, mentor).thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });
});

describe('amend (mutual consent of mentor and all mentees, §7.2)', () => {
  const newPlan = [{ kind: 'support' as const, title: 'Консультации по запросу', due: '2025-03-01' }];
  const doneA1: MentorshipEvent = { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } };

  it('replaces the pending activities, keeps the done ones, continues the numbering', () => {
    const body = { date: '2024-10-01', activities: newPlan, agreedBy: [MENTOR, MENTEE] };
    const { snapshot } = given(...ONE.active, doneA1).when('amend', body, mentor)
      .then([{ type: 'ProgramAmended', data: { ...body, activities: [{ id: 'A4', ...newPlan[0] }] } }]);
    expect(snapshot.context.program?.activities.map((a) => [a.id, a.doneOn])).toEqual([['A1', '2024-09-27'], ['A4', undefined]]);
    expect(snapshot.context.nextActivityNo).toBe(5);
  });

  it('accepts agreement lists wider than the participants', () => {
    const body = { date: '2024-10-01', activities: newPlan, agreedBy: ['p-curator', MENTEE_2, MENTOR, MENTEE] };
    given(...GROUP.active).when('amend', body, curator).then([{ type: 'ProgramAmended', data: { ...body, activities: [{ id: 'A4', ...newPlan[0] }] } }]);
  });

  it.each([[[MENTOR], [MENTEE, MENTEE_2]], [[MENTOR, MENTEE], [MENTEE_2]], [[MENTEE, MENTEE_2], [MENTOR]]])('refuses a group amendment agreed only by %j', (agreedBy, missing) => {
    const refusal = given(...GROUP.active).when('amend', { date: '2024-10-01', activities: newPlan, agreedBy }, curator)
      .thenRefused({ kind: 'rule', code: 'mutual-consent-required', clause: '§7.2' });
    expect(refusal.details).toEqual({ missing });
  });

  it('refuses new activities outside the term', () => {
    given(...ONE.active).when('amend', { date: '2024-10-01', activities: [{ ...newPlan[0], due: '2025-06-01' }], agreedBy: [MENTOR, MENTEE] }, mentor)
      .thenRefused({ kind: 'rule', code: 'activity-due-outside-term', clause: '§3.6' });
  });

  it('is refused to the mentee and outside active', () => {
    const body = { date: '2024-10-01', activities: newPlan, agreedBy: [MENTOR, MENTEE] };
    given(...ONE.active).when('amend', body, stepEnv(actors.mentee())).thenRefused({ kind: 'forbidden', clause: '§7.2' });
    given(...ONE['program-drafted']).when('amend', body, mentor).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§7.2' });
  });
});

describe('extend (mutual consent §7.2, never past one year in total §3.7)', () => {
  const agreed = [MENTOR, MENTEE];

  it('moves the planned end later and keeps the history of extensions', () => {
    const body = { date: '2024-10-01', plannedEnd: '2025-08-31', agreedBy: agreed };
    const { snapshot } = given(...ONE.active).when('extend', body, curator).then([{ type: 'ProgramExtended', data: body }]);
    expect(snapshot.context.plannedEnd).toBe('2025-08-31');
    expect(snapshot.context.extensions).toEqual([{ date: '2024-10-01', plannedEnd: '2025-08-31', previousEnd: PLANNED_END }]);
  });

  it('reaches exactly one year from the start, not a day more', () => {
    given(...ONE.active).when('extend', { date: '2024-10-01', plannedEnd: '2025-09-10', agreedBy: agreed }, mentor)
      .then([{ type: 'ProgramExtended', data: { date: '2024-10-01', plannedEnd: '2025-09-10', agreedBy: agreed } }]);
    const refusal = given(...ONE.active).when('extend', { date: '2024-10-01', plannedEnd: '2025-09-11', agreedBy: agreed }, mentor)
      .thenRefused({ kind: 'rule', code: 'extension-beyond-one-year', clause: '§3.7' });
    expect(refusal.details).toMatchObject({ limit: '2025-09-10' });
  });

  it('counts earlier extensions: two steps cannot pass a year either', () => {
    const first: MentorshipEvent = { type: 'ProgramExtended', data: { date: '2024-10-01', plannedEnd: '2025-07-31', agreedBy: agreed } };
    given(...ONE.active, first).when('extend', { date: '2024-11-01', plannedEnd: '2025-10-31', agreedBy: agreed }, mentor)
      .thenRefused({ kind: 'rule', code: 'extension-beyond-one-year', clause: '§3.7' });
  });

  it.each([['the same end', PLANNED_END], ['an earlier end', '2025-04-30']])('refuses %s', (_t, plannedEnd) => {
    given(...ONE.active).when('extend', { date: '2024-10-01', plannedEnd, agreedBy: agreed }, mentor)
      .thenRefused({ kind: 'rule', code: 'extension-not-later', clause: '§7.2' });
  });

  it('refuses without the mentee\'s agreement', () => {
    given(...ONE.active).when('extend', { date: '2024-10-01', plannedEnd: '2025-08-31', agreedBy: [MENTOR] }, mentor)
      .thenRefused({ kind: 'rule', code: 'mutual-consent-required', clause: '§7.2' });
  });

  it('is refused to the mentee, another mentor and outside active', () => {
    const body = { date: '2024-10-01', plannedEnd: '2025-08-31', agreedBy: agreed };
    given(...ONE.active).when('extend', body, stepEnv(actors.mentee())).thenRefused({ kind: 'forbidden' });
    given(...ONE.active).when('extend', body, stepEnv(actors.mentor(MENTOR_2))).thenRefused({ kind: 'forbidden' });
    given(...ONE.ordered).when('extend', body, curator).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§7.2' });
  });
});

describe('complete (curator, with a §7.1 reason)', () => {
  const finished = ONE.completed.slice(0, -1);

  it('completes on a fulfilled plan', () => {
    const body = { date: '2025-05-30', reason: 'plan-fulfilled' as const };
    const { snapshot } = given(...finished).when('complete', body, curator).then([{ type: 'MentorshipCompleted', data: body }]);
    expect(stateOf(snapshot)).toBe('completed');
    expect(snapshot.value).toEqual({ completed: { mentorReport: 'pending', menteeReports: 'pending', publication: 'unpublished' } });
  });

  it('refuses "plan fulfilled" while activities are pending', () => {
    const refusal = given(...ONE.active, { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } })
      .when('complete', { date: '2024-12-01', reason: 'plan-fulfilled' }, curator)
      .thenRefused({ kind: 'rule', code: 'plan-not-fulfilled', clause: '§7.1' });
    expect(refusal.details).toEqual({ pending: ['A2', 'A3'] });
  });

  it.each(COMPLETION_REASONS.filter((r) => r !== 'plan-fulfilled'))('completes early on %s with activities pending', (reason) => {
    const body = { date: '2024-12-01', reason, note: 'Уважительная причина' };
    expect(stateOf(given(...ONE.active).when('complete', body, curator).then([{ type: 'MentorshipCompleted', data: body }]).snapshot)).toBe('completed');
  });

  it('is refused to the mentor and the head, and before activation', () => {
    const body = { date: '2025-05-30', reason: 'mentor-initiative' as const };
    given(...ONE.active).when('complete', body, mentor).thenRefused({ kind: 'forbidden', clause: '§7.1' });
    given(...ONE.active).when('complete', body, stepEnv(actors.head())).thenRefused({ kind: 'forbidden', clause: '§7.1' });
    given(...ONE['program-drafted']).when('complete', body, curator).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§7.1' });
    given(...ONE.completed).when('complete', body, curator).thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });
});
