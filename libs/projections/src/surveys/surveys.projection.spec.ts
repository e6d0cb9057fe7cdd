import type { RecordedEvent } from '#libs/event-store';
import { surveysProjection } from './surveys.projection';
import type { SurveyReadView } from './surveys.tables';

let revision = 0;
const recorded = (type: string, data: unknown): RecordedEvent => ({
  streamId: 'survey-s1', type, data, revision: revision++, id: `e${revision}`, created: '2026-11-01T09:00:00Z',
  position: { commit: BigInt(revision), prepare: BigInt(revision) },
  metadata: { orgId: 'org-1', actorId: 'u', role: 'curator', commandId: `c${revision}`, correlationId: 'c', causationId: 'c', recordedAt: '2026-11-01T09:00:00Z', schemaVersion: 1 },
});

describe('surveys projection', () => {
  it('keeps one row per response with figures, and never a respondent\'s own words', () => {
    const events = [
      recorded('SurveyOpened', { surveyId: 's1', orgId: 'org-1', questionnaire: 'program-quality', title: 'Качество', date: '2026-11-01' }),
      recorded('SurveyAnswered', {
        respondentId: 'p1', role: 'mentee', mentorshipId: 'ms-1', date: '2026-11-05',
        answers: { relevance: 5, usefulness: 4, cooperation: 5, timing: 3, overall: 4, recommend: true, suggestions: 'Наставник Иванова опаздывала' },
      }),
      recorded('SurveyClosed', { date: '2026-11-20' }),
    ];
    let view: SurveyReadView | undefined;
    for (const e of events) view = surveysProjection.project(view, e);
    const rows = surveysProjection.rows(view!);
    expect(rows.main).toMatchObject({ survey_id: 's1', org_id: 'org-1', questionnaire: 'program-quality', opened_on: '2026-11-01', closed_on: '2026-11-20', responses: 1 });
    expect(rows.derived.survey_responses).toEqual([{
      survey_id: 's1', response_key: 'p1:ms-1', org_id: 'org-1', questionnaire: 'program-quality', role: 'mentee', answered_on: '2026-11-05',
      answers: JSON.stringify({ relevance: 5, usefulness: 4, cooperation: 5, timing: 3, overall: 4, recommend: true, suggestions: true }),
    }]);
    expect(JSON.stringify(rows)).not.toContain('Иванова');
  });
});
