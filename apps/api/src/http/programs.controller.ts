import { positionOf, type HttpRequest, type HttpReply } from '#libs/kernel';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import {
  MarkBestCaseCommand, ProgramBankQuery, ProgramOffersQuery, RetireProgramTemplateCommand, SaveProgramTemplateCommand,
  templateDto, WithdrawBestCaseCommand, type BankResult,
} from '#libs/program-bank';
import { ReadModels } from '#libs/projections';
import { awaitFreshness } from './queries/freshness';
import { commandContext } from './request-context';

const answer = (r: BankResult) => ({ id: r.id, revision: r.revision, replayed: r.replayed, position: positionOf(r) });

/** The bank of programs (§3.4): templates saved from completed programs, offered when a mentor drafts one; best cases (§8.1). */
@Controller()
export class ProgramsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly bank: ProgramBankQuery,
    private readonly offers: ProgramOffersQuery,
    private readonly rm: ReadModels,
  ) {}

  @Post('program-templates')
  @HttpCode(201)
  async save(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const r = await this.commands.execute(new SaveProgramTemplateCommand(body, commandContext(req, actor, body, 'program-template')));
    res.header('Location', `/api/program-templates/${r.id}`);
    return { ...answer(r), template: templateDto(await this.offers.template(actor, r.id)) };
  }

  @Get('program-templates')
  async list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.bank.templates(actor, query), ...freshness };
  }

  @Get('program-templates/:id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return templateDto(await this.offers.template(actor, id));
  }

  /** `?start=YYYY-MM-DD[&date=]`: the template as a DraftProgram body, for the mentor to prefill the program step. */
  @Get('program-templates/:id/draft')
  draft(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.offers.draft(actor, id, query);
  }

  @Post('program-templates/:id/retire')
  @HttpCode(200)
  async retire(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.execute(new RetireProgramTemplateCommand(id, body, commandContext(req, actor, body, `program-template:${id}:retire`))));
  }

  /** Templates offered to this mentorship, best match first, each prefilled for its planned start. */
  @Get('mentorships/:id/program-templates')
  offered(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.offers.offersFor(actor, id);
  }

  @Post('best-cases')
  @HttpCode(201)
  async mark(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.execute(new MarkBestCaseCommand(body, commandContext(req, actor, body, 'best-case'))));
  }

  @Get('best-cases')
  async bestCases(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.bank.bestCases(actor), ...freshness };
  }

  @Post('best-cases/:id/withdraw')
  @HttpCode(200)
  async withdraw(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.execute(new WithdrawBestCaseCommand(id, body, commandContext(req, actor, body, `best-case:${id}:withdraw`))));
  }
}
