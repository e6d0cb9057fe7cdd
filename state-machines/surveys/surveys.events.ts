import { z } from 'zod';
import { businessDate } from '../shared/business-date';
import { answerValue } from './surveys.answers';
import { QUESTIONNAIRE_IDS } from './surveys.questionnaires';

/**
 * Stream `survey-<surveyId>`: a survey the curator opens, its responses, its closing. A response
 * was checked against its questionnaire when decided; stored, it is a record of answers.
 */
const id = z.string().min(1).max(100);

export const RESPONDENT_ROLES = ['candidate', 'mentor', 'mentee'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];
export const RESPONDENT_ROLE_TITLES: Record<RespondentRole, string> = {
  candidate: 'потенциальный наставник', mentor: 'наставник', mentee: 'наставляемый',
};

export const SURVEY_EVENT_SCHEMAS = {
  SurveyOpened: z.object({ surveyId: id, orgId: id, questionnaire: z.enum(QUESTIONNAIRE_IDS), title: z.string().min(1).max(300), date: businessDate }),
  SurveyAnswered: z.object({
    respondentId: id,
    role: z.enum(RESPONDENT_ROLES),
    /** The completed mentorship a quality questionnaire is about. */
    mentorshipId: id.optional(),
    date: businessDate,
    answers: z.record(z.string(), answerValue),
  }),
  SurveyClosed: z.object({ date: businessDate }),
} as const;

type Schemas = typeof SURVEY_EVENT_SCHEMAS;
export type SurveyEventType = keyof Schemas;
export type SurveyEvent = { [K in SurveyEventType]: { type: K; data: z.infer<Schemas[K]> } }[SurveyEventType];
export type SurveyEventOf<K extends SurveyEventType> = Extract<SurveyEvent, { type: K }>;

export const isSurveyEventType = (type: string): type is SurveyEventType => Object.prototype.hasOwnProperty.call(SURVEY_EVENT_SCHEMAS, type);

export function parseSurveyEvent(event: { type: string; data: unknown }): SurveyEvent {
  if (!isSurveyEventType(event.type)) throw new Error(`Unknown survey event type: ${event.type}`);
  return { type: event.type, data: SURVEY_EVENT_SCHEMAS[event.type].parse(event.data) } as SurveyEvent;
}
