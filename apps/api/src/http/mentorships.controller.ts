import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import { businessDate, DomainError } from '#core/shared';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { isStepName } from '#core/mentorship';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { GetMentorshipQuery, ProposeMentorshipCommand, TakeStepCommand } from '#libs/mentorships';
import { parseBody, positionOf, type HttpRequest, type HttpReply } from '#libs/kernel';
import { commandContext } from './request-context';
import { GetMentorshipHistoryQuery } from '#libs/audit';
import { DocumentsService, stepCreatesDocuments } from '#libs/documents';

const asOfQuery = z
  .strictObject({
    date: businessDate.optional().describe('Дата'),
    recorded: z.iso.datetime({ offset: true }).optional().describe('Момент записи (ISO 8601)'),
  })
  .refine((q) => !(q.date && q.recorded), { message: 'Укажите что-то одно: дату или момент записи' });


@Controller('mentorships')
export class MentorshipsController {
  private readonly logger = new Logger('documents');

  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(201)
  async propose(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const result = await this.commands.execute(new ProposeMentorshipCommand(body, commandContext(req, actor, body, 'propose')));
    const view = await this.queries.execute(new GetMentorshipQuery(result.mentorshipId, actor, result.revision, undefined, result.mentorship));
    res.header('ETag', `"${view.revision}"`);
    res.header('Location', `/api/mentorships/${result.mentorshipId}`);
    return { id: view.id, state: view.state, revision: view.revision, position: positionOf(result), replayed: result.replayed, mentorship: view };
  }

  /** `?asOf=YYYY-MM-DD`: as it was on that business date; `?asOfRecorded=<ISO instant>`: as the system knew it then. */
  @Get(':id')
  async get(
    @Param('id') id: string, @Query('asOf') asOf: string | undefined, @Query('asOfRecorded') asOfRecorded: string | undefined,
    @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply,
  ) {
    const past = asOf !== undefined || asOfRecorded !== undefined ? parseBody(asOfQuery, { date: asOf, recorded: asOfRecorded }) : undefined;
    const view = await this.queries.execute(new GetMentorshipQuery(id, actor, undefined, past));
    if (!past) res.header('ETag', `"${view.revision}"`);
    // The body depends on the caller (availableSteps); like every API answer it is never stored (no-store, security-headers.ts).
    res.header('Vary', 'Authorization');
    return view;
  }

  @Get(':id/history')
  history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMentorshipHistoryQuery(id, actor));
  }

  @Post(':id/steps/:step')
  @HttpCode(200)
  async step(
    @Param('id') id: string, @Param('step') step: string, @Body() body: unknown,
    @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply,
  ) {
    if (!isStepName(step)) {
      throw new DomainError({ kind: 'not-found', code: 'unknown-step', message: `Шага «${step}» нет. Доступные шаги перечислены в availableSteps наставничества.` });
    }
    const ctx = commandContext(req, actor, body, `${id}:${step}`);
    const result = await this.commands.execute(new TakeStepCommand(id, step, body, ctx));
    if (stepCreatesDocuments(step)) await this.attachDocuments(actor, ctx.commandId, [id, ...(result.successorId ? [result.successorId] : [])]);
    const view = await this.queries.execute(new GetMentorshipQuery(id, actor, result.revision, undefined, result.mentorship));
    res.header('ETag', `"${view.revision}"`);
    return { ...view, position: positionOf(result), successorId: result.successorId ?? view.successorId, replayed: result.replayed };
  }

  /**
   * The documents a step creates (a consent, an order, a report) are attached to it as it is taken; a retry
   * of the step attaches what a failure left out. The step is recorded either way: a failed attachment is
   * logged (codes only) and can be made by hand (`POST …/documents/:kind`).
   */
  private async attachDocuments(actor: Actor, commandId: string, mentorshipIds: string[]): Promise<void> {
    for (const id of mentorshipIds) {
      try {
        await this.documents.attachStep(actor, id, commandId);
      } catch (error) {
        this.logger.warn(`documents of step ${commandId} not attached: ${(error as Error).name}`);
      }
    }
  }
}
