import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { menteeIds, stateOf } from '#core/mentorship';
import { DomainError } from '#core/shared';
import {
  answerBody, closeSurveyBody, decideAnswerSurvey, decideCloseSurvey, decideOpenSurvey, openSurveyBody, QUESTIONNAIRES, type RespondentFacts, type SurveyState,
} from '#core/surveys';
import { notFound, StreamCommands, uuidFromName, type CommandStream } from '#libs/kernel';
import { MentorshipRepository } from '#libs/mentorships';
import { PeopleRepository } from '#libs/people';
import { AnswerSurveyCommand, CloseSurveyCommand, OpenSurveyCommand, type SurveyWritten } from './survey.commands';
import { SurveyRepository, surveyStream } from './survey.repository';

/** The survey of this organisation, or 404. */
const existing = (loaded: CommandStream<SurveyState | undefined>): SurveyState => {
  if (!loaded.state) throw notFound('Анкетирование');
  return loaded.state;
};

@CommandHandler(OpenSurveyCommand)
export class OpenSurveyHandler implements ICommandHandler<OpenSurveyCommand> {
  constructor(private readonly commands: StreamCommands, private readonly surveys: SurveyRepository) {}

  async execute({ body: raw, ctx }: OpenSurveyCommand): Promise<SurveyWritten> {
    const body = this.commands.parse(openSurveyBody, raw);
    // With an Idempotency-Key the id derives from the command, so a retry finds its own survey.
    const surveyId = ctx.idempotent ? uuidFromName(`survey:${ctx.commandId}`) : randomUUID();
    const outcome = await this.commands.handle({
      stream: surveyStream(surveyId), ctx, onConflict: 'decide-again',
      load: () => this.surveys.load(surveyId, ctx.actor.orgId),
      decide: () => ({ events: decideOpenSurvey(body, { actor: ctx.actor, today: this.commands.today(), surveyId }), role: 'curator' }),
    });
    return { surveyId, ...outcome };
  }
}

@CommandHandler(CloseSurveyCommand)
export class CloseSurveyHandler implements ICommandHandler<CloseSurveyCommand> {
  constructor(private readonly commands: StreamCommands, private readonly surveys: SurveyRepository) {}

  async execute({ surveyId, body: raw, ctx }: CloseSurveyCommand): Promise<SurveyWritten> {
    const body = this.commands.parse(closeSurveyBody, raw);
    const outcome = await this.commands.handle({
      stream: surveyStream(surveyId), ctx, onConflict: 'decide-again',
      load: () => this.surveys.load(surveyId, ctx.actor.orgId),
      decide: (loaded) => ({ events: decideCloseSurvey(body, existing(loaded), { actor: ctx.actor, today: this.commands.today() }), role: 'curator' }),
    });
    return { surveyId, ...outcome };
  }
}

/** Answers of many respondents go to one survey stream: a race decides again. */
@CommandHandler(AnswerSurveyCommand)
export class AnswerSurveyHandler implements ICommandHandler<AnswerSurveyCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly surveys: SurveyRepository,
    private readonly people: PeopleRepository,
    private readonly mentorships: MentorshipRepository,
  ) {}

  async execute({ surveyId, body: raw, ctx }: AnswerSurveyCommand): Promise<SurveyWritten> {
    const survey = existing(await this.surveys.load(surveyId, ctx.actor.orgId));
    const body = this.commands.parse(answerBody(QUESTIONNAIRES[survey.questionnaire]), raw) as { respondentId?: string; mentorshipId?: string; date: string; answers: Record<string, never> };
    const respondentId = body.respondentId ?? ctx.actor.personId;
    if (!respondentId) {
      throw new DomainError({ kind: 'invalid', code: 'respondent-required', message: 'Укажите, кто отвечает: ваша учётная запись не связана с сотрудником.', details: { fields: ['respondentId'] } });
    }
    const respondent = await this.respondentFacts(respondentId, body.mentorshipId, ctx.actor.orgId);
    const role = ctx.actor.personId === respondentId ? ctx.actor.roles[0] : 'curator';
    const outcome = await this.commands.handle({
      stream: surveyStream(surveyId), ctx, onConflict: 'decide-again',
      load: () => this.surveys.load(surveyId, ctx.actor.orgId),
      decide: (loaded) => ({
        events: decideAnswerSurvey({ ...body, respondentId }, existing(loaded), { actor: ctx.actor, today: this.commands.today(), respondent }), role,
      }),
    });
    return { surveyId, ...outcome };
  }

  private async respondentFacts(personId: string, mentorshipId: string | undefined, orgId: string): Promise<RespondentFacts> {
    const f = await this.people.factsOf(personId, orgId);
    const facts: RespondentFacts = { personId, exists: f.exists, personalDataConsent: f.personalDataConsent };
    if (!mentorshipId) return facts;
    const m = await this.mentorships.load(mentorshipId);
    if (m.revision < 0 || m.snapshot.context.orgId !== orgId) return facts;
    return { ...facts, mentorship: { state: stateOf(m.snapshot), mentorId: m.snapshot.context.mentorId, menteeIds: menteeIds(m.snapshot.context) } };
  }
}
