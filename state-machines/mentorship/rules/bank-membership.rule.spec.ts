import { MENTEE, MENTEE_2, menteeFacts, mentorFacts } from '../../testing/fixtures';
import { proposedFromBanks } from './bank-membership.rule';

describe('proposedFromBanks (§3.4, §3.8, roadmap stages 2–3)', () => {
  it('holds for a mentor from the mentor bank and mentees from the mentee bank, all with personal-data consent', () => {
    expect(proposedFromBanks(mentorFacts(), [menteeFacts(), menteeFacts(MENTEE_2)])).toBeNull();
  });

  it('checks registration first, then personal-data consent, then the banks', () => {
    expect(proposedFromBanks(mentorFacts(), [menteeFacts(MENTEE, { exists: false, personalDataConsent: false })]))
      .toMatchObject({ kind: 'rule', code: 'person-not-found', clause: '§3.4', details: { personId: MENTEE } });
    expect(proposedFromBanks(mentorFacts(undefined, { inMentorBank: false }), [menteeFacts(MENTEE, { personalDataConsent: false })]))
      .toMatchObject({ code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3', details: { personId: MENTEE } });
  });

  it('refuses a mentor who is only in the mentee bank', () => {
    expect(proposedFromBanks(mentorFacts(undefined, { inMentorBank: false, inMenteeBank: true }), [menteeFacts()]))
      .toMatchObject({ code: 'mentor-not-in-bank', clause: '§3.8' });
  });

  it('refuses a mentee who is only in the mentor bank, naming them', () => {
    expect(proposedFromBanks(mentorFacts(), [menteeFacts(), menteeFacts(MENTEE_2, { inMenteeBank: false, inMentorBank: true })]))
      .toMatchObject({ code: 'mentee-not-in-bank', clause: '§3.4', details: { personId: MENTEE_2 } });
  });

  it('checks a lone mentor (replacement) without mentees', () => {
    expect(proposedFromBanks(mentorFacts(), [])).toBeNull();
    expect(proposedFromBanks(mentorFacts(undefined, { inMentorBank: false }), [])).toMatchObject({ code: 'mentor-not-in-bank' });
  });
});
