import { given } from '../../testing/given-when-then';
import { actors, MENTOR, MENTOR_2, mentorFacts, ONE, stepEnv, SUCCESSOR_ID } from '../../testing/fixtures';
import type { StepBody } from '../mentorship.commands';
import { fold } from '../mentorship.state';
import { newMentorDiffers } from './new-mentor.rule';

describe('newMentorDiffers (§3.8)', () => {
  const ctx = fold(ONE.active).context;

  it('holds for another mentor', () => expect(newMentorDiffers(ctx, MENTOR_2)).toBeNull());

  it('refuses the mentor being replaced', () => {
    expect(newMentorDiffers(ctx, MENTOR)).toMatchObject({ kind: 'rule', code: 'same-mentor', clause: '§3.8' });
  });

  describe('given an active mentorship, when the head replaces its mentor', () => {
    const body = (newMentorId: string): StepBody<'replace'> => ({
      date: '2024-10-05', reason: 'transferred', newMentorId, newMentorConsentRef: 'Согласие № 7', orderNumber: '31-к',
    });
    const env = (newMentorId: string) => stepEnv(actors.head(), undefined, { newMentor: { facts: mentorFacts(newMentorId), load: 0 }, successorId: SUCCESSOR_ID });

    it('then a different mentor takes over', () => {
      given(...ONE.active).when('replace', body(MENTOR_2), env(MENTOR_2))
        .then([{ type: 'MentorReplaced', data: { ...body(MENTOR_2), successorId: SUCCESSOR_ID } }]);
    });

    it('then the same mentor is refused', () => {
      given(...ONE.active).when('replace', body(MENTOR), env(MENTOR)).thenRefused({ kind: 'rule', code: 'same-mentor', clause: '§3.8' });
    });
  });
});
