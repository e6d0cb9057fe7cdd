import { actors } from '../../testing/fixtures';
import { DomainError, type Refusal } from '../../shared/domain-error';
import { decideCloseSurvey } from '../surveys.decider';
import { foldSurvey } from '../surveys.state';
import { surveyDateValid } from './survey-date.rule';

const TODAY = '2026-11-24';

describe('surveyDateValid (roadmap: monitoring by questionnaires)', () => {
  it('holds from the survey\'s opening up to today', () => {
    expect(surveyDateValid('2026-10-01', TODAY, '2026-10-01')).toBeNull();
    expect(surveyDateValid(TODAY, TODAY)).toBeNull();
  });

  it('refuses the future and a date before the opening', () => {
    expect(surveyDateValid('2026-11-25', TODAY)).toMatchObject({ kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта' });
    expect(surveyDateValid('2026-09-30', TODAY, '2026-10-01')).toMatchObject({ code: 'date-before-previous-step', message: expect.stringContaining('01.10.2026') });
  });

  it('given a survey opened on 2026-10-01, when the curator closes it the day before, then it is refused by this rule', () => {
    const survey = foldSurvey([{ type: 'SurveyOpened', data: { surveyId: 's-1', orgId: 'org-1', questionnaire: 'mentor-candidates', title: 'Опрос', date: '2026-10-01' } }])!;
    let refusal: Refusal | undefined;
    try {
      decideCloseSurvey({ date: '2026-09-30' }, survey, { actor: actors.curator(), today: TODAY });
    } catch (e) {
      if (e instanceof DomainError) refusal = e.refusal;
    }
    expect(refusal).toEqual(surveyDateValid('2026-09-30', TODAY, '2026-10-01'));
  });
});
