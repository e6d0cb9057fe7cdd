import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from '#core/people';
import {
  answerBody, QUESTIONNAIRE_IDS, QUESTIONNAIRES, RESPONDENT_ROLE_TITLES, summariseResponses, type QuestionnaireId,
} from '#core/surveys';
import { STAFF_READERS, ReadModels } from '#libs/projections';
import { PeopleRepository } from '#libs/people';
import { notFound } from '#libs/kernel';
import { SurveyRepository } from './survey.repository';

const schemas = new Map<QuestionnaireId, unknown>();
const answerSchemaOf = (id: QuestionnaireId) => {
  if (!schemas.has(id)) schemas.set(id, z.toJSONSchema(answerBody(QUESTIONNAIRES[id]), { io: 'input' }));
  return schemas.get(id);
};

const questionnaireOf = (id: QuestionnaireId) => {
  const q = QUESTIONNAIRES[id];
  return { id, title: q.title, respondents: q.respondents, clause: q.clause, questions: q.questions, answerSchema: answerSchemaOf(id) };
};

const isStaff = (actor: Actor) => actor.roles.some((r) => STAFF_READERS.includes(r));

/** Surveys as people read them: the list from the read models, one survey from its stream. */
@Injectable()
export class SurveysReader {
  constructor(private readonly rm: ReadModels, private readonly surveys: SurveyRepository, private readonly people: PeopleRepository) {}

  questionnaires() {
    return { items: QUESTIONNAIRE_IDS.map(questionnaireOf) };
  }

  /** Every survey of the organisation (anyone of it may see which are open, to answer). */
  list(actor: Actor) {
    const rows = this.rm.prepare(
      `SELECT survey_id, questionnaire, title, opened_on, closed_on, responses FROM ${this.rm.table('surveys')}
       WHERE org_id = ? ORDER BY opened_on DESC, survey_id`,
    ).all(actor.orgId) as { survey_id: string; questionnaire: QuestionnaireId; title: string; opened_on: string; closed_on: string | null; responses: number }[];
    const items = rows.map((r) => ({
      id: r.survey_id, questionnaire: r.questionnaire, questionnaireTitle: QUESTIONNAIRES[r.questionnaire].title,
      title: r.title, openedOn: r.opened_on, closedOn: r.closed_on, open: r.closed_on === null, responses: r.responses,
    }));
    return { items, total: items.length };
  }

  /** A survey with its questionnaire; the staff readers also get the figures and the responses. */
  async get(actor: Actor, surveyId: string) {
    const loaded = await this.surveys.load(surveyId, actor.orgId);
    const s = loaded.state;
    if (!s) throw notFound('Анкетирование');
    const mine = actor.personId ? s.responses.filter((r) => r.respondentId === actor.personId).map((r) => ({ mentorshipId: r.mentorshipId ?? null, date: r.date })) : [];
    const base = {
      id: s.surveyId, revision: loaded.revision, title: s.title, openedOn: s.openedOn, closedOn: s.closedOn ?? null, open: !s.closedOn,
      questionnaire: questionnaireOf(s.questionnaire), responseCount: s.responses.length, answeredByMe: mine,
    };
    if (!isStaff(actor)) return base;
    const names = new Map(await Promise.all([...new Set(s.responses.map((r) => r.respondentId))]
      .map(async (id) => [id, (await this.people.person(id, actor.orgId)).state?.fullName ?? null] as const)));
    return {
      ...base,
      summary: summariseResponses(s.questionnaire, s.responses),
      responses: s.responses.map((r) => ({ ...r, fullName: names.get(r.respondentId) ?? null, roleTitle: RESPONDENT_ROLE_TITLES[r.role] })),
    };
  }
}
