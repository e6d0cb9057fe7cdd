import { actors } from '../../testing/fixtures';
import { DomainError, type Refusal } from '../../shared/domain-error';
import { QUESTIONNAIRES } from '../surveys.questionnaires';
import { decideAnswerSurvey } from '../surveys.decider';
import { foldSurvey } from '../surveys.state';
import { participantRole, qualityRatedByParticipant, respondentConsents } from './respondent.rule';

const completed = { state: 'completed', mentorId: 'p-mentor', menteeIds: ['p-mentee-1'] };
const clause = QUESTIONNAIRES['program-quality'].clause;

describe('respondentConsents (roadmap stages 2–3)', () => {
  it('holds with a personal-data consent and refuses without one', () => {
    expect(respondentConsents(true)).toBeNull();
    expect(respondentConsents(false)).toMatchObject({ kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3' });
  });
});

describe('qualityRatedByParticipant (roadmap stage 6)', () => {
  it('holds for the mentor and the mentees of a completed mentorship, each in their part', () => {
    expect(qualityRatedByParticipant(completed, 'p-mentor', clause)).toBeNull();
    expect(qualityRatedByParticipant(completed, 'p-mentee-1', clause)).toBeNull();
    expect([participantRole(completed, 'p-mentor'), participantRole(completed, 'p-mentee-1'), participantRole(completed, 'p-x')]).toEqual(['mentor', 'mentee', null]);
  });

  it('refuses someone outside it, then a mentorship not yet completed', () => {
    expect(qualityRatedByParticipant(completed, 'p-x', clause)).toMatchObject({ kind: 'rule', code: 'not-a-participant', clause });
    expect(qualityRatedByParticipant({ ...completed, state: 'active' }, 'p-x', clause)).toMatchObject({ code: 'not-a-participant' });
    expect(qualityRatedByParticipant({ ...completed, state: 'active' }, 'p-mentor', clause)).toMatchObject({ code: 'program-not-completed', clause });
  });

  it('given a quality survey, when a mentee of a running mentorship answers, then it is refused by this rule', () => {
    const survey = foldSurvey([{ type: 'SurveyOpened', data: { surveyId: 's-1', orgId: 'org-1', questionnaire: 'program-quality', title: 'Опрос', date: '2026-10-01' } }])!;
    const running = { ...completed, state: 'active' };
    let refusal: Refusal | undefined;
    try {
      decideAnswerSurvey(
        { respondentId: 'p-mentee-1', mentorshipId: 'ms-1', date: '2026-10-05', answers: {} }, survey,
        { actor: actors.mentee(), today: '2026-11-24', respondent: { personId: 'p-mentee-1', exists: true, personalDataConsent: true, mentorship: running } },
      );
    } catch (e) {
      if (e instanceof DomainError) refusal = e.refusal;
    }
    expect(refusal).toEqual(qualityRatedByParticipant(running, 'p-mentee-1', clause));
  });
});
