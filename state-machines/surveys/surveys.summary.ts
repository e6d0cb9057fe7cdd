import type { AnswerValue } from './surveys.answers';
import { RESPONDENT_ROLES, type RespondentRole } from './surveys.events';
import { QUESTIONNAIRES, type QuestionKind, type QuestionnaireId } from './surveys.questionnaires';

/** A response as a summary needs it: who (by role) and the answers. */
export interface ResponseFacts {
  role: RespondentRole;
  answers: Record<string, AnswerValue | undefined>;
}

export interface QuestionSummary {
  id: string;
  text: string;
  kind: QuestionKind;
  /** How many responses answered it. */
  answered: number;
  /** `rating` / `number`: the mean, two decimals (null with no answers). */
  average?: number | null;
  /** `choice` / `multi` / `yes-no`: how many chose each option. */
  options?: { value: string; title: string; count: number }[];
}

const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/**
 * A questionnaire's answers in figures: counts by respondent role, averages of scores and numbers,
 * counts per option. Free texts and lists are only counted: a report shows no one's words.
 */
export function summariseResponses(questionnaire: QuestionnaireId, responses: readonly ResponseFacts[]) {
  const q = QUESTIONNAIRES[questionnaire];
  const byRole = Object.fromEntries(RESPONDENT_ROLES.map((r) => [r, responses.filter((x) => x.role === r).length])) as Record<RespondentRole, number>;
  const questions: QuestionSummary[] = q.questions.map((question) => {
    const given = responses.map((r) => r.answers[question.id]).filter((v): v is AnswerValue => v !== undefined);
    const base = { id: question.id, text: question.text, kind: question.kind, answered: given.length };
    switch (question.kind) {
      case 'rating':
      case 'number':
        return { ...base, average: mean(given.filter((v): v is number => typeof v === 'number')) };
      case 'yes-no':
        return { ...base, options: [[true, 'Да'], [false, 'Нет']].map(([v, title]) => ({ value: v ? 'yes' : 'no', title: title as string, count: given.filter((g) => g === v).length })) };
      case 'choice':
      case 'multi':
        return {
          ...base,
          options: Object.entries(question.options!).map(([value, title]) => ({
            value, title, count: given.filter((g) => g === value || (Array.isArray(g) && g.includes(value))).length,
          })),
        };
      default:
        return base;
    }
  });
  return { questionnaire, title: q.title, clause: q.clause, responses: responses.length, byRole, questions };
}

export type SurveySummary = ReturnType<typeof summariseResponses>;
