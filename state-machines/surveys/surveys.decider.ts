import { enforce, refuse, type Refusal } from '../shared/domain-error';
import { ruDate, type BusinessDate } from '../shared/business-date';
import type { Actor } from '../people/roles';
import type { Answers } from './surveys.answers';
import type { CloseSurveyBody, OpenSurveyBody } from './surveys.commands';
import type { RespondentRole, SurveyEvent } from './surveys.events';
import { QUESTIONNAIRES } from './surveys.questionnaires';
import { responseKey, type SurveyState } from './surveys.state';
import { participantRole, qualityRatedByParticipant, respondentConsents, type SurveyedMentorship } from './rules/respondent.rule';
import { surveyDateValid } from './rules/survey-date.rule';

/** What the shell knows about the respondent and, for a quality questionnaire, the mentorship. */
export interface RespondentFacts {
  personId: string;
  exists: boolean;
  personalDataConsent: boolean;
  /** The mentorship named in the body, as this organisation sees it (absent: not found). */
  mentorship?: SurveyedMentorship;
}

const CURATOR_CLAUSE = '§3.4';
const fail = (r: Refusal): never => refuse(r);

function requireCurator(actor: Actor, what: string): void {
  if (!actor.roles.includes('curator')) {
    fail({ kind: 'forbidden', code: 'role-not-allowed', clause: CURATOR_CLAUSE, message: `${what}: это делает куратор (мониторинг, п. 3.4).` });
  }
}

const dateOk = (date: BusinessDate, today: BusinessDate, notBefore?: BusinessDate): void => enforce(surveyDateValid(date, today, notBefore));

export function decideOpenSurvey(body: OpenSurveyBody, env: { actor: Actor; today: BusinessDate; surveyId: string }): SurveyEvent[] {
  requireCurator(env.actor, 'Начать анкетирование');
  dateOk(body.date, env.today);
  return [{ type: 'SurveyOpened', data: { surveyId: env.surveyId, orgId: env.actor.orgId, questionnaire: body.questionnaire, title: body.title, date: body.date } }];
}

export function decideCloseSurvey(body: CloseSurveyBody, survey: SurveyState, env: { actor: Actor; today: BusinessDate }): SurveyEvent[] {
  requireCurator(env.actor, 'Завершить анкетирование');
  if (survey.closedOn) fail({ kind: 'state', code: 'survey-closed', clause: CURATOR_CLAUSE, message: `Опрос уже завершён ${ruDate(survey.closedOn)}.` });
  const last = survey.responses.reduce((d, r) => (r.date > d ? r.date : d), survey.openedOn);
  dateOk(body.date, env.today, last);
  return [{ type: 'SurveyClosed', data: { date: body.date } }];
}

/** The respondent's role: anyone for the candidates' questionnaire, a participant of a completed mentorship for the quality one. */
function respondentRole(survey: SurveyState, facts: RespondentFacts, mentorshipId: string | undefined): RespondentRole {
  const q = QUESTIONNAIRES[survey.questionnaire];
  if (survey.questionnaire === 'mentor-candidates') return 'candidate';
  const m = facts.mentorship;
  if (!mentorshipId || !m) return fail({ kind: 'not-found', code: 'mentorship-not-found', message: 'Наставничество, о котором анкета, не найдено.' });
  enforce(qualityRatedByParticipant(m, facts.personId, q.clause));
  return participantRole(m, facts.personId)!;
}

/**
 * A response: by the respondent themselves, or entered by the curator from a paper form. The
 * survey must be open; each respondent answers once (once per mentorship for the quality one).
 */
export function decideAnswerSurvey(
  body: { respondentId: string; mentorshipId?: string; date: BusinessDate; answers: Answers }, survey: SurveyState,
  env: { actor: Actor; today: BusinessDate; respondent: RespondentFacts },
): SurveyEvent[] {
  const { actor, respondent } = env;
  if (respondent.personId !== body.respondentId) throw new Error('decideAnswerSurvey: the facts are not about the respondent');
  if (actor.personId !== body.respondentId && !actor.roles.includes('curator')) {
    fail({ kind: 'forbidden', code: 'role-not-allowed', clause: CURATOR_CLAUSE, message: 'Анкету заполняет сам сотрудник; за другого её вносит только куратор (с бумажного бланка).' });
  }
  const q = QUESTIONNAIRES[survey.questionnaire];
  if (survey.closedOn) fail({ kind: 'state', code: 'survey-closed', clause: q.clause, message: `Опрос завершён ${ruDate(survey.closedOn)}: ответы больше не принимаются.` });
  if (!respondent.exists) fail({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник, который отвечает на анкету, не найден.' });
  enforce(respondentConsents(respondent.personalDataConsent));
  const role = respondentRole(survey, respondent, body.mentorshipId);
  const key = responseKey(body.respondentId, body.mentorshipId);
  if (survey.responses.some((r) => responseKey(r.respondentId, r.mentorshipId) === key)) {
    fail({ kind: 'state', code: 'already-answered', clause: q.clause, message: 'Этот сотрудник уже ответил на анкету этого опроса.' });
  }
  dateOk(body.date, env.today, survey.openedOn);
  return [{
    type: 'SurveyAnswered',
    data: { respondentId: body.respondentId, role, ...(body.mentorshipId ? { mentorshipId: body.mentorshipId } : {}), date: body.date, answers: body.answers },
  }];
}
