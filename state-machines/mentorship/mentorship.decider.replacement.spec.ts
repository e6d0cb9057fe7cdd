import { given } from '../testing/given-when-then';
import {
  actor, actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, MENTORSHIP_ID, mentorFacts, ONE, ORG, PLANNED_END, PLANNED_START,
  stepEnv, SUCCESSOR_ID,
} from '../testing/fixtures';
import type { Role } from '../people/roles';
import type { PersonFacts } from './rules/bank-membership.rule';
import type { StepBody } from './mentorship.commands';
import { decideStep } from './mentorship.decider';
import { fold, stateOf } from './mentorship.state';

const request = { date: '2024-10-01', reason: 'mentee-request' as const, note: 'Смена группы' };
const replace: StepBody<'replace'> = {
  date: '2024-10-05', reason: 'transferred', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие № 7', orderNumber: '31-к',
};
const headEnv = (facts: PersonFacts = mentorFacts(MENTOR_2), load = 0) =>
  stepEnv(actors.head(), undefined, { newMentor: { facts, load }, successorId: SUCCESSOR_ID });

describe('request-replacement (curator, mentor or mentee, after the order and before completion, §3.8)', () => {
  it.each(['ordered', 'program-drafted', 'active'] as const)('is recorded in %s without changing the state', (state) => {
    for (const a of [actors.curator(), actors.mentor(), actors.mentee()]) {
      const { snapshot } = given(...ONE[state]).when('request-replacement', request, stepEnv(a)).then([{ type: 'ReplacementRequested', data: request }]);
      expect(stateOf(snapshot)).toBe(state);
      expect(snapshot.context.replacementRequests).toEqual([request]);
    }
  });

  it.each(['proposed', 'consented', 'completed'] as const)('is not open in %s', (state) => {
    given(...ONE[state]).when('request-replacement', { ...request, date: '2025-06-01' }, stepEnv(actors.curator()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.8' });
  });

  it.each<[string, Role, string | undefined]>([['the head', 'head', 'p-head'], ['another mentor', 'mentor', MENTOR_2], ['another mentee', 'mentee', MENTEE_2], ['the auditor', 'auditor', undefined]])(
    'is refused to %s', (_t, role, personId) => {
      given(...ONE.active).when('request-replacement', request, stepEnv(actor(role, personId))).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
    },
  );
});

describe('replace (head, by order, §3.8)', () => {
  it('replaces the mentor and opens a successor in ordered, linked both ways', () => {
    const { decision, snapshot } = given(...GROUP.active).when('replace', replace, headEnv())
      .then([{ type: 'MentorReplaced', data: { ...replace, successorId: SUCCESSOR_ID } }]);
    expect(stateOf(snapshot)).toBe('replaced');
    expect(snapshot.context.replacement?.successorId).toBe(SUCCESSOR_ID);
    expect(decision.reservation).toEqual({ mentorId: MENTOR_2, mentorshipId: SUCCESSOR_ID, menteeIds: [MENTEE, MENTEE_2] });
    expect(decision.successor).toEqual({
      mentorshipId: SUCCESSOR_ID,
      event: {
        type: 'MentorshipContinued',
        data: {
          mentorshipId: SUCCESSOR_ID, orgId: ORG, mentorId: MENTOR_2, mentees: GROUP.proposed[0].type === 'MentorshipProposed' ? GROUP.proposed[0].data.mentees : [],
          form: 'group', topic: 'Адаптация молодого педагога', plannedStart: PLANNED_START, plannedEnd: PLANNED_END, date: replace.date,
          predecessorId: MENTORSHIP_ID, newMentorConsentRef: replace.newMentorConsentRef, orderNumber: replace.orderNumber,
        },
      },
    });
    const successor = fold([decision.successor!.event]);
    expect(stateOf(successor)).toBe('ordered');
    expect(successor.context).toMatchObject({ predecessorId: MENTORSHIP_ID, mentorId: MENTOR_2, order: { number: '31-к', date: replace.date } });
    expect(Object.keys(successor.context.consents).sort()).toEqual([MENTEE, MENTEE_2, MENTOR_2].sort());
  });

  it('the successor goes on with its new mentor drafting the program', () => {
    const { decision } = given(...ONE.active).when('replace', replace, headEnv()).then([expect.objectContaining({ type: 'MentorReplaced' }) as never]);
    const body = { date: '2024-10-07', activities: [{ kind: 'support' as const, title: 'Сопровождение', due: '2025-01-31' }] };
    given(decision.successor!.event).when('program', body, stepEnv(actors.mentor(MENTOR_2)))
      .then([{ type: 'ProgramDrafted', data: { date: body.date, activities: [{ id: 'A1', ...body.activities[0] }] } }]);
    given(decision.successor!.event).when('program', body, stepEnv(actors.mentor(MENTOR))).thenRefused({ kind: 'forbidden' });
  });

  it.each(['ordered', 'program-drafted'] as const)('is possible in %s too', (state) => {
    expect(stateOf(given(...ONE[state]).when('replace', replace, headEnv()).then([expect.objectContaining({ type: 'MentorReplaced' }) as never]).snapshot)).toBe('replaced');
  });

  it('refuses the same mentor', () => {
    given(...ONE.active).when('replace', { ...replace, newMentorId: MENTOR }, headEnv(mentorFacts(MENTOR)))
      .thenRefused({ kind: 'rule', code: 'same-mentor', clause: '§3.8' });
  });

  it('refuses a mentee as the new mentor', () => {
    given(...GROUP.active).when('replace', { ...replace, newMentorId: MENTEE_2 }, headEnv(mentorFacts(MENTEE_2)))
      .thenRefused({ kind: 'rule', code: 'mentor-is-mentee', clause: '§1.2' });
  });

  it.each([
    ['outside the mentor bank', { inMentorBank: false }, 'mentor-not-in-bank', '§3.8'],
    ['without personal-data consent', { personalDataConsent: false }, 'no-personal-data-consent', 'Дорожная карта, этапы 2–3'],
    ['unregistered', { exists: false }, 'person-not-found', '§3.4'],
  ])('refuses a new mentor %s', (_t, over, code, clause) => {
    given(...ONE.active).when('replace', replace, headEnv(mentorFacts(MENTOR_2, over))).thenRefused({ kind: 'rule', code, clause });
  });

  it('counts every mentee of a group against the new mentor\'s capacity (§3.7)', () => {
    given(...GROUP.active).when('replace', replace, headEnv(mentorFacts(MENTOR_2), 2)).thenRefused({ kind: 'rule', code: 'mentor-capacity-exceeded', clause: '§3.7' });
    given(...GROUP.active).when('replace', replace, headEnv(mentorFacts(MENTOR_2), 1)).then([expect.objectContaining({ type: 'MentorReplaced' }) as never]);
  });

  it.each(['proposed', 'consented', 'completed'] as const)('is not open in %s', (state) => {
    given(...ONE[state]).when('replace', { ...replace, date: '2025-06-01' }, headEnv()).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.8' });
  });

  it('is a replaced mentorship\'s end: nothing more happens there', () => {
    const replaced = [...ONE.active, { type: 'MentorReplaced' as const, data: { ...replace, successorId: SUCCESSOR_ID } }];
    given(...replaced).when('replace', { ...replace, newMentorId: 'p-mentor-3' }, headEnv(mentorFacts('p-mentor-3')))
      .thenRefused({ kind: 'state', code: 'step-not-allowed' });
    given(...replaced).when('activity-done', { activityId: 'A1', date: '2024-10-06' }, stepEnv(actors.curator()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });

  it.each<Role>(['curator', 'mentor', 'mentee'])('is refused to the %s', (role) => {
    const personId = role === 'mentor' ? MENTOR : role === 'mentee' ? MENTEE : 'p-curator';
    given(...ONE.active).when('replace', replace, { ...headEnv(), actor: actor(role, personId) }).thenRefused({ kind: 'forbidden', clause: '§3.8' });
  });

  it('is a programming error when the shell omits the new mentor\'s facts', () => {
    expect(() => decideStep('replace', replace, fold(ONE.active), stepEnv(actors.head()))).toThrow('replace needs');
  });
});
