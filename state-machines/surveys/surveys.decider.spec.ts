import { actor, actors } from '../testing/fixtures';
import { DomainError, type Refusal } from '../shared/domain-error';
import { answerBodyOf } from './surveys.commands';
import { decideAnswerSurvey, decideCloseSurvey, decideOpenSurvey, type RespondentFacts } from './surveys.decider';
import { parseSurveyEvent, type SurveyEvent } from './surveys.events';
import { foldSurvey } from './surveys.state';

const TODAY = '2026-11-24';
const refusalOf = (fn: () => unknown): Refusal => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) {
      expect(e.refusal.message).toMatch(/[А-Яа-яЁё]/);
      return e.refusal;
    }
    throw e;
  }
  throw new Error('expected a refusal');
};

const opened = (questionnaire: 'mentor-candidates' | 'program-quality'): SurveyEvent => ({
  type: 'SurveyOpened', data: { surveyId: 's-1', orgId: 'org-1', questionnaire, title: 'Опрос', date: '2026-10-01' },
});
const person = (over: Partial<RespondentFacts> = {}): RespondentFacts => ({ personId: 'p-mentor', exists: true, personalDataConsent: true, ...over });
const completed = { state: 'completed', mentorId: 'p-mentor', menteeIds: ['p-mentee-1'] };
const candidateAnswers = { willing: 'yes', competences: ['ФГОС ДО'], experience: 12, mentees: '2', 'training-needed': false };
const qualityAnswers = { relevance: 5, usefulness: 4, cooperation: 5, timing: 3, overall: 4, recommend: true };

describe('opening and closing a survey (curator, §3.4; roadmap stages 3 and 6)', () => {
  it('the curator opens one for a questionnaire', () => {
    const events = decideOpenSurvey({ questionnaire: 'mentor-candidates', title: 'Опрос', date: '2026-10-01' }, { actor: actors.curator(), today: TODAY, surveyId: 's-1' });
    expect(events).toEqual([opened('mentor-candidates')]);
    expect(parseSurveyEvent(events[0])).toEqual(events[0]);
    expect(foldSurvey(events)).toEqual({ surveyId: 's-1', orgId: 'org-1', questionnaire: 'mentor-candidates', title: 'Опрос', openedOn: '2026-10-01', responses: [] });
  });

  it('is refused to anyone but the curator, and dated in the future', () => {
    const body = { questionnaire: 'program-quality' as const, title: 'Опрос', date: '2026-10-01' };
    expect(refusalOf(() => decideOpenSurvey(body, { actor: actors.head(), today: TODAY, surveyId: 's' }))).toMatchObject({ kind: 'forbidden', clause: '§3.4' });
    expect(refusalOf(() => decideOpenSurvey({ ...body, date: '2026-11-25' }, { actor: actors.curator(), today: TODAY, surveyId: 's' }))).toMatchObject({ code: 'date-in-future' });
  });

  it('closes once, not before its last response', () => {
    const survey = foldSurvey([opened('mentor-candidates'), { type: 'SurveyAnswered', data: { respondentId: 'p-a', role: 'candidate', date: '2026-10-10', answers: {} } }])!;
    expect(refusalOf(() => decideCloseSurvey({ date: '2026-10-05' }, survey, { actor: actors.curator(), today: TODAY }))).toMatchObject({ code: 'date-before-previous-step' });
    const closed = decideCloseSurvey({ date: '2026-10-20' }, survey, { actor: actors.curator(), today: TODAY });
    expect(closed).toEqual([{ type: 'SurveyClosed', data: { date: '2026-10-20' } }]);
    const after = foldSurvey([opened('mentor-candidates'), ...closed])!;
    expect(refusalOf(() => decideCloseSurvey({ date: '2026-10-21' }, after, { actor: actors.curator(), today: TODAY }))).toMatchObject({ kind: 'state', code: 'survey-closed' });
  });
});

describe('answering the potential mentors\' questionnaire (stage 3)', () => {
  const survey = foldSurvey([opened('mentor-candidates')])!;
  const body = { respondentId: 'p-mentor', date: '2026-10-05', answers: candidateAnswers };

  it('a staff member answers for themselves; the answer is stored as a candidate\'s', () => {
    const events = decideAnswerSurvey(body, survey, { actor: actors.mentor(), today: TODAY, respondent: person() });
    expect(events).toEqual([{ type: 'SurveyAnswered', data: { respondentId: 'p-mentor', role: 'candidate', date: '2026-10-05', answers: candidateAnswers } }]);
    expect(parseSurveyEvent(events[0])).toEqual(events[0]);
  });

  it('the curator enters a paper form for someone; nobody else answers for another', () => {
    expect(decideAnswerSurvey(body, survey, { actor: actors.curator(), today: TODAY, respondent: person() })).toHaveLength(1);
    expect(refusalOf(() => decideAnswerSurvey(body, survey, { actor: actors.head(), today: TODAY, respondent: person() }))).toMatchObject({ kind: 'forbidden', code: 'role-not-allowed' });
  });

  it('refuses a second answer, a closed survey, no consent, and a date before the survey', () => {
    const answered = foldSurvey([opened('mentor-candidates'), ...decideAnswerSurvey(body, survey, { actor: actors.mentor(), today: TODAY, respondent: person() })])!;
    expect(refusalOf(() => decideAnswerSurvey(body, answered, { actor: actors.mentor(), today: TODAY, respondent: person() }))).toMatchObject({ kind: 'state', code: 'already-answered', clause: 'Дорожная карта, этап 3' });
    const closed = foldSurvey([opened('mentor-candidates'), { type: 'SurveyClosed', data: { date: '2026-10-02' } }])!;
    expect(refusalOf(() => decideAnswerSurvey(body, closed, { actor: actors.mentor(), today: TODAY, respondent: person() }))).toMatchObject({ code: 'survey-closed' });
    expect(refusalOf(() => decideAnswerSurvey(body, survey, { actor: actors.mentor(), today: TODAY, respondent: person({ personalDataConsent: false }) }))).toMatchObject({ code: 'no-personal-data-consent' });
    expect(refusalOf(() => decideAnswerSurvey({ ...body, date: '2026-09-30' }, survey, { actor: actors.mentor(), today: TODAY, respondent: person() }))).toMatchObject({ code: 'date-before-previous-step' });
  });

  it('checks answers against the questionnaire: options, bounds, no stray questions, the limit of 3 mentees', () => {
    const schema = answerBodyOf('mentor-candidates');
    expect(schema.safeParse({ date: '2026-10-05', answers: candidateAnswers }).success).toBe(true);
    expect(schema.safeParse({ date: '2026-10-05', answers: { ...candidateAnswers, mentees: '4' } }).success).toBe(false);
    expect(schema.safeParse({ date: '2026-10-05', answers: { ...candidateAnswers, willing: 'perhaps' } }).success).toBe(false);
    expect(schema.safeParse({ date: '2026-10-05', answers: { ...candidateAnswers, experience: -1 } }).success).toBe(false);
    expect(schema.safeParse({ date: '2026-10-05', answers: { ...candidateAnswers, extra: 1 } }).success).toBe(false);
    expect(schema.safeParse({ date: '2026-10-05', mentorshipId: 'ms-1', answers: candidateAnswers }).success).toBe(false);
  });
});

describe('answering the program-quality questionnaire (stage 6)', () => {
  const survey = foldSurvey([opened('program-quality')])!;
  const body = { respondentId: 'p-mentee-1', mentorshipId: 'ms-1', date: '2026-10-05', answers: qualityAnswers };
  const mentee = () => person({ personId: 'p-mentee-1', mentorship: completed });

  it('a participant of a completed mentorship answers; their role comes from the mentorship', () => {
    const [e] = decideAnswerSurvey(body, survey, { actor: actors.mentee(), today: TODAY, respondent: mentee() });
    expect(e.data).toMatchObject({ role: 'mentee', mentorshipId: 'ms-1' });
    const [m] = decideAnswerSurvey({ ...body, respondentId: 'p-mentor' }, survey, { actor: actors.mentor(), today: TODAY, respondent: person({ mentorship: completed }) });
    expect(m.data).toMatchObject({ role: 'mentor' });
  });

  it('refuses an outsider, a mentorship not completed, and one not found', () => {
    expect(refusalOf(() => decideAnswerSurvey({ ...body, respondentId: 'p-x' }, survey, { actor: actor('mentee', 'p-x'), today: TODAY, respondent: person({ personId: 'p-x', mentorship: completed }) })))
      .toMatchObject({ kind: 'rule', code: 'not-a-participant', clause: 'Дорожная карта, этап 6' });
    expect(refusalOf(() => decideAnswerSurvey(body, survey, { actor: actors.mentee(), today: TODAY, respondent: person({ personId: 'p-mentee-1', mentorship: { ...completed, state: 'active' } }) })))
      .toMatchObject({ kind: 'rule', code: 'program-not-completed' });
    expect(refusalOf(() => decideAnswerSurvey(body, survey, { actor: actors.mentee(), today: TODAY, respondent: person({ personId: 'p-mentee-1' }) })))
      .toMatchObject({ kind: 'not-found', code: 'mentorship-not-found' });
  });

  it('needs the mentorship and scores from 1 to 5', () => {
    const schema = answerBodyOf('program-quality');
    expect(schema.safeParse({ date: '2026-10-05', answers: qualityAnswers }).success).toBe(false);
    expect(schema.safeParse({ ...body, answers: { ...qualityAnswers, overall: 6 } }).success).toBe(false);
    expect(schema.safeParse({ ...body, answers: { ...qualityAnswers, suggestions: 'Больше практики' } }).success).toBe(true);
  });
});
