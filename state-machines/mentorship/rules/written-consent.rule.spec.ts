import { GROUP, MENTEE, MENTEE_2, MENTOR, OUTSIDER } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { completesConsents, consentFromPendingParticipant } from './written-consent.rule';

describe('consentFromPendingParticipant and completesConsents (§3.2, §3.7, §6.2)', () => {
  const none = fold(GROUP.proposed).context;
  const mentorOnly = fold(GROUP.consented.slice(0, 2)).context;

  it('holds for a participant who has not consented yet', () => {
    for (const p of [MENTOR, MENTEE, MENTEE_2]) expect(consentFromPendingParticipant(none, p)).toBeNull();
  });

  it('refuses someone outside the pair or group', () => {
    expect(consentFromPendingParticipant(none, OUTSIDER)).toMatchObject({ kind: 'rule', code: 'consent-not-participant', clause: '§3.7', details: { personId: OUTSIDER } });
  });

  it('refuses a participant already recorded', () => {
    expect(consentFromPendingParticipant(mentorOnly, MENTOR)).toMatchObject({ code: 'consent-already-recorded', clause: '§3.7' });
  });

  it('completes only with the last missing consent', () => {
    expect(completesConsents(mentorOnly, MENTEE)).toBe(false);
    const twoOfThree = fold(GROUP.consented.slice(0, 3)).context;
    expect(completesConsents(twoOfThree, MENTEE_2)).toBe(true);
    expect(completesConsents(twoOfThree, MENTEE)).toBe(false);
  });
});
