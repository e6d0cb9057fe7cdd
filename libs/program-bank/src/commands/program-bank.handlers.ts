import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideMarkBestCase, decideRetireTemplate, decideSaveTemplate, decideWithdrawBestCase, markBestCaseBody, retireTemplateBody,
  saveTemplateBody, withdrawBestCaseBody, type BestCaseSource, type SourceMentorship,
} from '#core/programs';
import { stateOf } from '#core/mentorship';
import type { Actor } from '#core/people';
import { streamId } from '#core/shared';
import { StreamCommands, uuidFromName } from '#libs/kernel';
import { MentorshipRepository } from '#libs/mentorships';
import { ProgramBankRepository, type BankResult } from '../program-bank.repository';
import { MarkBestCaseCommand, RetireProgramTemplateCommand, SaveProgramTemplateCommand, WithdrawBestCaseCommand } from './program-bank.commands';

/** The role an event is recorded under: the one the regulation gives this work. */
const roleOf = (actor: Actor): string => actor.roles.find((r) => r === 'curator' || r === 'methodist') ?? actor.roles[0];

/** One template per source mentorship: its id derives from the mentorship, so a second save finds it. */
export const templateIdFor = (orgId: string, mentorshipId: string): string => uuidFromName(`programtemplate:${orgId}:${mentorshipId}`);

/** Injectable so that the compiler records its constructor's types, which the handlers below inherit. */
@Injectable()
abstract class BankHandler {
  constructor(
    protected readonly commands: StreamCommands,
    protected readonly bank: ProgramBankRepository,
    protected readonly mentorships: MentorshipRepository,
  ) {}

  protected async source(mentorshipId: string): Promise<SourceMentorship | undefined> {
    const m = await this.mentorships.load(mentorshipId);
    return m.revision < 0 ? undefined : { state: stateOf(m.snapshot), ctx: m.snapshot.context };
  }
}

@CommandHandler(SaveProgramTemplateCommand)
export class SaveProgramTemplateHandler extends BankHandler implements ICommandHandler<SaveProgramTemplateCommand> {
  async execute({ body: raw, ctx }: SaveProgramTemplateCommand): Promise<BankResult> {
    const body = this.commands.parse(saveTemplateBody, raw);
    const templateId = templateIdFor(ctx.actor.orgId, body.mentorshipId);
    const source = await this.source(body.mentorshipId);
    const outcome = await this.commands.handle({
      stream: streamId('programtemplate', templateId), ctx, onConflict: 'refuse',
      load: () => this.bank.template(templateId),
      decide: (current) => ({
        events: decideSaveTemplate(body, source, { actor: ctx.actor, today: this.commands.today(), templateId, existing: current.state }), role: roleOf(ctx.actor),
      }),
    });
    return { id: templateId, ...outcome };
  }
}

@CommandHandler(RetireProgramTemplateCommand)
export class RetireProgramTemplateHandler extends BankHandler implements ICommandHandler<RetireProgramTemplateCommand> {
  async execute({ templateId, body: raw, ctx }: RetireProgramTemplateCommand): Promise<BankResult> {
    const body = this.commands.parse(retireTemplateBody, raw);
    const outcome = await this.commands.handle({
      stream: streamId('programtemplate', templateId), ctx, onConflict: 'refuse',
      load: () => this.bank.template(templateId),
      decide: (current) => ({ events: decideRetireTemplate(body, current.state, { actor: ctx.actor, today: this.commands.today() }), role: roleOf(ctx.actor) }),
    });
    return { id: templateId, ...outcome };
  }
}

@CommandHandler(MarkBestCaseCommand)
export class MarkBestCaseHandler extends BankHandler implements ICommandHandler<MarkBestCaseCommand> {
  async execute({ body: raw, ctx }: MarkBestCaseCommand): Promise<BankResult> {
    const body = this.commands.parse(markBestCaseBody, raw);
    const subjectId = (body.mentorshipId ?? body.templateId)!;
    const source: BestCaseSource = body.mentorshipId
      ? { subject: 'mentorship', mentorship: await this.source(body.mentorshipId) }
      : { subject: 'template', template: (await this.bank.template(subjectId)).state };
    const outcome = await this.commands.handle({
      stream: streamId('bestcase', subjectId), ctx, onConflict: 'refuse',
      load: () => this.bank.bestCase(subjectId),
      decide: (current) => ({ events: decideMarkBestCase(body, source, current.state, { actor: ctx.actor, today: this.commands.today() }), role: 'curator' }),
    });
    return { id: subjectId, ...outcome };
  }
}

@CommandHandler(WithdrawBestCaseCommand)
export class WithdrawBestCaseHandler extends BankHandler implements ICommandHandler<WithdrawBestCaseCommand> {
  async execute({ subjectId, body: raw, ctx }: WithdrawBestCaseCommand): Promise<BankResult> {
    const body = this.commands.parse(withdrawBestCaseBody, raw);
    const outcome = await this.commands.handle({
      stream: streamId('bestcase', subjectId), ctx, onConflict: 'refuse',
      load: () => this.bank.bestCase(subjectId),
      decide: (current) => ({ events: decideWithdrawBestCase(body, current.state, { actor: ctx.actor, today: this.commands.today() }), role: 'curator' }),
    });
    return { id: subjectId, ...outcome };
  }
}
