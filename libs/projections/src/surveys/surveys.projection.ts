import type { RecordedEvent } from '#libs/event-store';
import { parseSurveyEvent, QUESTIONNAIRES, responseKey, type Answers } from '#core/surveys';
import { type Projection, streamKey } from '../projection';
import { responseRows, SURVEY_RESPONSES, SURVEYS, surveyRow, type SurveyReadView } from './surveys.tables';

/** Free-text answers are people's own words: the read side, and so the reports, keep only that they were given. */
function figuresOnly(questionnaire: string, answers: Answers): Answers {
  const texts = new Set(QUESTIONNAIRES[questionnaire as keyof typeof QUESTIONNAIRES]?.questions.filter((q) => q.kind === 'text' || q.kind === 'list').map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, texts.has(id) ? true : v]));
}

export function projectSurvey(view: SurveyReadView | undefined, e: RecordedEvent): SurveyReadView | undefined {
  const event = parseSurveyEvent(e);
  if (event.type === 'SurveyOpened') {
    const d = event.data;
    return { surveyId: d.surveyId, orgId: d.orgId, questionnaire: d.questionnaire, title: d.title, openedOn: d.date, responses: [] };
  }
  if (!view) return view;
  if (event.type === 'SurveyClosed') return { ...view, closedOn: event.data.date };
  const d = event.data;
  return { ...view, responses: [...view.responses, { key: responseKey(d.respondentId, d.mentorshipId), role: d.role, date: d.date, answers: figuresOnly(view.questionnaire, d.answers) }] };
}

export const surveysProjection: Projection<SurveyReadView> = {
  name: 'surveys',
  streamPrefixes: ['survey-'],
  main: SURVEYS,
  derived: [SURVEY_RESPONSES],
  keyOf: (e) => streamKey(e.streamId),
  project: projectSurvey,
  rows: (v) => ({ main: surveyRow(v), derived: { survey_responses: responseRows(v) } }),
};
