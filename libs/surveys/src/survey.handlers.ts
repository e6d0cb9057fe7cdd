import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { menteeIds, stateOf } from '#core/mentorship';
import { DomainError } from '#core/shared';
import {
  answerBody, closeSurveyBody, decideAnswerSurvey, decideCloseSurvey, decideOpenSurvey, openSurveyBody, QUESTIONNAIRES, type RespondentFacts,
} from '#core/surveys';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, uuidFromName, parseBody, notFound, appendDecided } from '#libs/kernel';
import { MentorLoadService, MentorshipRepository } from '#libs/mentorships';
import { AnswerSurveyCommand, CloseSurveyCommand, OpenSurveyCommand, type SurveyWritten } from './survey.commands';
import { SurveyRepository, surveyOf, surveyStream } from './survey.repository';

abstract class SurveyHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    protected readonly surveys: SurveyRepository,
    @Inject(CLOCK) protected readonly clock: Clock,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  protected today(): string {
    return todayIn(this.clock, this.config.timeZone);
  }
}

@CommandHandler(OpenSurveyCommand)
export class OpenSurveyHandler extends SurveyHandler implements ICommandHandler<OpenSurveyCommand> {
  async execute({ body: raw, ctx }: OpenSurveyCommand): Promise<SurveyWritten> {
    const body = parseBody(openSurveyBody, raw);
    // With an Idempotency-Key the id derives from the command, so a retry finds its own survey.
    const surveyId = ctx.idempotent ? uuidFromName(`survey:${ctx.commandId}`) : randomUUID();
    const w = await appendDecided(this.store, this.clock, surveyStream(surveyId), ctx, () => ({
      events: decideOpenSurvey(body, { actor: ctx.actor, today: this.today(), surveyId }), role: 'curator',
    }));
    return { surveyId, ...w };
  }
}

@CommandHandler(CloseSurveyCommand)
export class CloseSurveyHandler extends SurveyHandler implements ICommandHandler<CloseSurveyCommand> {
  async execute({ surveyId, body: raw, ctx }: CloseSurveyCommand): Promise<SurveyWritten> {
    const body = parseBody(closeSurveyBody, raw);
    if (!(await this.surveys.load(surveyId, ctx.actor.orgId)).survey) throw notFound('Анкетирование');
    const w = await appendDecided(this.store, this.clock, surveyStream(surveyId), ctx, (current) => ({
      events: decideCloseSurvey(body, surveyOf(current, ctx.actor.orgId)!, { actor: ctx.actor, today: this.today() }), role: 'curator',
    }));
    return { surveyId, ...w };
  }
}

@CommandHandler(AnswerSurveyCommand)
export class AnswerSurveyHandler implements ICommandHandler<AnswerSurveyCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly surveys: SurveyRepository,
    private readonly loads: MentorLoadService,
    private readonly mentorships: MentorshipRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ surveyId, body: raw, ctx }: AnswerSurveyCommand): Promise<SurveyWritten> {
    const { survey } = await this.surveys.load(surveyId, ctx.actor.orgId);
    if (!survey) throw notFound('Анкетирование');
    const body = parseBody(answerBody(QUESTIONNAIRES[survey.questionnaire]), raw) as { respondentId?: string; mentorshipId?: string; date: string; answers: Record<string, never> };
    const respondentId = body.respondentId ?? ctx.actor.personId;
    if (!respondentId) {
      throw new DomainError({ kind: 'invalid', code: 'respondent-required', message: 'Укажите respondentId: ваша учётная запись не связана с сотрудником.' });
    }
    const respondent = await this.respondentFacts(respondentId, body.mentorshipId, ctx.actor.orgId);
    const role = ctx.actor.personId === respondentId ? ctx.actor.roles[0] : 'curator';
    const w = await appendDecided(this.store, this.clock, surveyStream(surveyId), ctx, (current) => ({
      events: decideAnswerSurvey({ ...body, respondentId }, surveyOf(current, ctx.actor.orgId)!, { actor: ctx.actor, today: todayIn(this.clock, this.config.timeZone), respondent }),
      role,
    }));
    return { surveyId, ...w };
  }

  private async respondentFacts(personId: string, mentorshipId: string | undefined, orgId: string): Promise<RespondentFacts> {
    const f = await this.loads.factsOf(personId, orgId);
    const facts: RespondentFacts = { personId, exists: f.exists, personalDataConsent: f.personalDataConsent };
    if (!mentorshipId) return facts;
    const m = await this.mentorships.load(mentorshipId);
    if (m.revision < 0 || m.snapshot.context.orgId !== orgId) return facts;
    return { ...facts, mentorship: { state: stateOf(m.snapshot), mentorId: m.snapshot.context.mentorId, menteeIds: menteeIds(m.snapshot.context) } };
  }
}
