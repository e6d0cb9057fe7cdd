import type { Row, TableSpec } from '../projection';

/** A survey as the read side keeps it: answers for figures only (free texts stay in the stream). */
export interface SurveyReadView {
  surveyId: string;
  orgId: string;
  questionnaire: string;
  title: string;
  openedOn: string;
  closedOn?: string;
  responses: { key: string; role: string; date: string; answers: Record<string, unknown> }[];
}

export const SURVEYS: TableSpec = {
  name: 'surveys',
  columns: ['survey_id', 'org_id', 'questionnaire', 'title', 'opened_on', 'closed_on', 'responses'],
  key: ['survey_id'],
  indexes: [['org_id', 'opened_on']],
};

export const SURVEY_RESPONSES: TableSpec = {
  name: 'survey_responses',
  columns: ['survey_id', 'response_key', 'org_id', 'questionnaire', 'role', 'answered_on', 'answers'],
  key: ['survey_id', 'response_key'],
  indexes: [['org_id', 'answered_on']],
};

export const surveyRow = (v: SurveyReadView): Row => ({
  survey_id: v.surveyId, org_id: v.orgId, questionnaire: v.questionnaire, title: v.title,
  opened_on: v.openedOn, closed_on: v.closedOn ?? null, responses: v.responses.length,
});

export const responseRows = (v: SurveyReadView): Row[] => v.responses.map((r) => ({
  survey_id: v.surveyId, response_key: r.key, org_id: v.orgId, questionnaire: v.questionnaire,
  role: r.role, answered_on: r.date, answers: JSON.stringify(r.answers),
}));
