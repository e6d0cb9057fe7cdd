import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideMarkBestCase, decideRetireTemplate, decideSaveTemplate, decideWithdrawBestCase, markBestCaseBody, retireTemplateBody,
  saveTemplateBody, withdrawBestCaseBody, type BestCaseSource, type SourceMentorship,
} from '#core/programs';
import { stateOf } from '#core/mentorship';
import type { Actor } from '#core/people';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, uuidFromName, parseBody } from '#libs/kernel';
import { MentorshipRepository } from '#libs/mentorships';
import { ProgramBankRepository, type BankResult } from '../program-bank.repository';
import { MarkBestCaseCommand, RetireProgramTemplateCommand, SaveProgramTemplateCommand, WithdrawBestCaseCommand } from './program-bank.commands';

/** The role an event is recorded under: the one the regulation gives this work. */
const roleOf = (actor: Actor): string => actor.roles.find((r) => r === 'curator' || r === 'methodist') ?? actor.roles[0];

/** One template per source mentorship: its id derives from the mentorship, so a second save finds it. */
export const templateIdFor = (orgId: string, mentorshipId: string): string => uuidFromName(`programtemplate:${orgId}:${mentorshipId}`);

abstract class BankHandler {
  constructor(
    protected readonly bank: ProgramBankRepository,
    protected readonly mentorships: MentorshipRepository,
    @Inject(CLOCK) protected readonly clock: Clock,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  protected today(): string {
    return todayIn(this.clock, this.config.timeZone);
  }

  protected async source(mentorshipId: string): Promise<SourceMentorship | undefined> {
    const m = await this.mentorships.load(mentorshipId);
    return m.revision < 0 ? undefined : { state: stateOf(m.snapshot), ctx: m.snapshot.context };
  }
}

@CommandHandler(SaveProgramTemplateCommand)
export class SaveProgramTemplateHandler extends BankHandler implements ICommandHandler<SaveProgramTemplateCommand> {
  async execute({ body: raw, ctx }: SaveProgramTemplateCommand): Promise<BankResult> {
    const body = parseBody(saveTemplateBody, raw);
    const templateId = templateIdFor(ctx.actor.orgId, body.mentorshipId);
    const [current, source] = await Promise.all([this.bank.template(templateId), this.source(body.mentorshipId)]);
    return this.bank.append('programtemplate', templateId, current, ctx, roleOf(ctx.actor), () =>
      decideSaveTemplate(body, source, { actor: ctx.actor, today: this.today(), templateId, existing: current.state }));
  }
}

@CommandHandler(RetireProgramTemplateCommand)
export class RetireProgramTemplateHandler extends BankHandler implements ICommandHandler<RetireProgramTemplateCommand> {
  async execute({ templateId, body: raw, ctx }: RetireProgramTemplateCommand): Promise<BankResult> {
    const body = parseBody(retireTemplateBody, raw);
    const current = await this.bank.template(templateId);
    return this.bank.append('programtemplate', templateId, current, ctx, roleOf(ctx.actor), () =>
      decideRetireTemplate(body, current.state, { actor: ctx.actor, today: this.today() }));
  }
}

@CommandHandler(MarkBestCaseCommand)
export class MarkBestCaseHandler extends BankHandler implements ICommandHandler<MarkBestCaseCommand> {
  async execute({ body: raw, ctx }: MarkBestCaseCommand): Promise<BankResult> {
    const body = parseBody(markBestCaseBody, raw);
    const subjectId = (body.mentorshipId ?? body.templateId)!;
    const source: BestCaseSource = body.mentorshipId
      ? { subject: 'mentorship', mentorship: await this.source(body.mentorshipId) }
      : { subject: 'template', template: (await this.bank.template(subjectId)).state };
    const current = await this.bank.bestCase(subjectId);
    return this.bank.append('bestcase', subjectId, current, ctx, 'curator', () =>
      decideMarkBestCase(body, source, current.state, { actor: ctx.actor, today: this.today() }));
  }
}

@CommandHandler(WithdrawBestCaseCommand)
export class WithdrawBestCaseHandler extends BankHandler implements ICommandHandler<WithdrawBestCaseCommand> {
  async execute({ subjectId, body: raw, ctx }: WithdrawBestCaseCommand): Promise<BankResult> {
    const body = parseBody(withdrawBestCaseBody, raw);
    const current = await this.bank.bestCase(subjectId);
    return this.bank.append('bestcase', subjectId, current, ctx, 'curator', () =>
      decideWithdrawBestCase(body, current.state, { actor: ctx.actor, today: this.today() }));
  }
}
