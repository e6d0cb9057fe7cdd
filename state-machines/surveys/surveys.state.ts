import type { BusinessDate } from '../shared/business-date';
import type { Answers } from './surveys.answers';
import type { RespondentRole, SurveyEvent } from './surveys.events';
import type { QuestionnaireId } from './surveys.questionnaires';

export interface SurveyResponse {
  respondentId: string;
  role: RespondentRole;
  mentorshipId?: string;
  date: BusinessDate;
  answers: Answers;
}

export interface SurveyState {
  surveyId: string;
  orgId: string;
  questionnaire: QuestionnaireId;
  title: string;
  openedOn: BusinessDate;
  closedOn?: BusinessDate;
  responses: SurveyResponse[];
}

/** One answer per respondent, and per mentorship for a quality questionnaire. */
export const responseKey = (respondentId: string, mentorshipId?: string): string => `${respondentId}:${mentorshipId ?? ''}`;

export function foldSurvey(events: Iterable<SurveyEvent>): SurveyState | undefined {
  let s: SurveyState | undefined;
  for (const e of events) {
    if (e.type === 'SurveyOpened') {
      const { date, ...opened } = e.data;
      s = { ...opened, openedOn: date, responses: [] };
    } else if (!s) continue;
    else if (e.type === 'SurveyAnswered') s = { ...s, responses: [...s.responses, { ...e.data }] };
    else if (e.type === 'SurveyClosed') s = { ...s, closedOn: e.data.date };
  }
  return s;
}
