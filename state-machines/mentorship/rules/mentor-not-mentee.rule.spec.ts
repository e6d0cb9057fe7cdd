import { given, whenProposing } from '../../testing/given-when-then';
import {
  actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, mentorFacts, proposeBody, proposeEnv, stepEnv, SUCCESSOR_ID,
} from '../../testing/fixtures';
import type { StepBody } from '../mentorship.commands';
import { mentorNotAmongMentees } from './mentor-not-mentee.rule';

describe('mentorNotAmongMentees (§1.2)', () => {
  it('holds when the mentor is none of the mentees', () => {
    expect(mentorNotAmongMentees(MENTOR, [MENTEE, MENTEE_2])).toBeNull();
    expect(mentorNotAmongMentees(MENTOR, [])).toBeNull();
  });

  it('refuses a mentor who is one of the mentees', () => {
    expect(mentorNotAmongMentees(MENTEE_2, [MENTEE, MENTEE_2])).toMatchObject({ kind: 'rule', code: 'mentor-is-mentee', clause: '§1.2' });
  });

  it('when proposing, then a mentor named among the mentees is refused', () => {
    const body = proposeBody({ menteeIds: [MENTOR] });
    whenProposing(body, proposeEnv(body, { mentees: [mentorFacts(MENTOR, { inMenteeBank: true })] }))
      .thenRefused({ kind: 'rule', code: 'mentor-is-mentee', clause: '§1.2' });
  });

  describe('given an active group, when the head replaces its mentor', () => {
    const body = (newMentorId: string): StepBody<'replace'> => ({
      date: '2024-10-05', reason: 'mentor-request', newMentorId, newMentorConsentRef: 'Согласие № 7', orderNumber: '31-к',
    });
    const env = (newMentorId: string) => stepEnv(actors.head(), undefined, { newMentor: { facts: mentorFacts(newMentorId), load: 0 }, successorId: SUCCESSOR_ID });

    it('then one of its mentees is refused as the new mentor', () => {
      given(...GROUP.active).when('replace', body(MENTEE_2), env(MENTEE_2)).thenRefused({ kind: 'rule', code: 'mentor-is-mentee', clause: '§1.2' });
    });

    it('then someone outside the group is accepted', () => {
      given(...GROUP.active).when('replace', body(MENTOR_2), env(MENTOR_2))
        .then([{ type: 'MentorReplaced', data: { ...body(MENTOR_2), successorId: SUCCESSOR_ID } }]);
    });
  });
});
