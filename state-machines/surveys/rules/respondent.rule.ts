import type { Violation } from '../../shared/domain-error';

/** Roadmap stages 2–3: answers are recorded only from a person who consented to the processing of their data. */
export function respondentConsents(personalDataConsent: boolean): Violation | null {
  return personalDataConsent
    ? null
    : { kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3', message: 'Ответы анкеты записываются только от сотрудника, давшего согласие на обработку персональных данных.' };
}

export interface SurveyedMentorship {
  state: string;
  mentorId: string;
  menteeIds: string[];
}

/** The respondent's part in the mentorship a quality questionnaire is about (`null`: none). */
export const participantRole = (m: SurveyedMentorship, personId: string): 'mentor' | 'mentee' | null =>
  (m.mentorId === personId ? 'mentor' : m.menteeIds.includes(personId) ? 'mentee' : null);

/**
 * Roadmap stage 6: a program's quality is rated by its participants, the mentor and the mentees,
 * once it is completed. `clause` is the questionnaire's.
 */
export function qualityRatedByParticipant(m: SurveyedMentorship, personId: string, clause: string): Violation | null {
  if (!participantRole(m, personId)) {
    return { kind: 'rule', code: 'not-a-participant', clause, message: 'Анкету о качестве программы заполняют её участники: наставник и наставляемые.' };
  }
  if (m.state !== 'completed') {
    return { kind: 'rule', code: 'program-not-completed', clause, message: 'Качество программы оценивается по её завершении (этап 6 дорожной карты): это наставничество ещё не завершено.' };
  }
  return null;
}
