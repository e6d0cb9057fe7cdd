import { z } from 'zod';
import { businessDateInput } from '../shared/business-date';
import { readableText } from '../shared/readable-text';
import { answersSchema } from './surveys.answers';
import { QUESTIONNAIRE_IDS, QUESTIONNAIRES, type Questionnaire } from './surveys.questionnaires';

/** HTTP bodies of the survey commands. Extra fields are refused. */
export const openSurveyBody = z.strictObject({
  questionnaire: z.enum(QUESTIONNAIRE_IDS).describe('Анкета (этап 3 — потенциального наставника, этап 6 — о качестве программы)'),
  title: readableText(300).describe('Название опроса'),
  date: businessDateInput.describe('Дата начала опроса'),
});

export const closeSurveyBody = z.strictObject({ date: businessDateInput.describe('Дата окончания опроса') });

const respondentId = z.string().min(1).max(100).describe('Кто отвечает (по умолчанию — вы сами)');

/** A response to this questionnaire: its answers are checked question by question. */
export function answerBody(q: Questionnaire) {
  return z.strictObject({
    respondentId: respondentId.optional(),
    ...(q.id === 'program-quality' ? { mentorshipId: z.string().min(1).max(100).describe('Завершённое наставничество, о котором анкета') } : {}),
    date: businessDateInput.describe('Дата заполнения'),
    answers: answersSchema(q).describe(q.title),
  });
}

export type OpenSurveyBody = z.infer<typeof openSurveyBody>;
export type CloseSurveyBody = z.infer<typeof closeSurveyBody>;
export interface AnswerSurveyBody {
  respondentId?: string;
  mentorshipId?: string;
  date: string;
  answers: Record<string, unknown>;
}

export const answerBodyOf = (id: keyof typeof QUESTIONNAIRES) => answerBody(QUESTIONNAIRES[id]);
