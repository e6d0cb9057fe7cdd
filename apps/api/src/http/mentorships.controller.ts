import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { isStepName } from '../../../../state-machines/mentorship';
import { DomainError } from '../../../../state-machines/shared/domain-error';
import type { Actor } from '../../../../state-machines/people/roles';
import { CurrentActor } from '../../../../libs/auth/src/current-actor.decorator';
import { GetMentorshipQuery, ProposeMentorshipCommand, TakeStepCommand, type StepResult } from '../../../../libs/workflow/src';
import { commandContext } from './request-context';

const positionOf = (r: StepResult) => (r.position ? `${r.position.commit}/${r.position.prepare}` : undefined);

@Controller('mentorships')
export class MentorshipsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(201)
  async propose(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute(new ProposeMentorshipCommand(body, commandContext(req, actor, body, 'propose')));
    const view = await this.queries.execute(new GetMentorshipQuery(result.mentorshipId, actor, result.revision));
    res.setHeader('ETag', `"${view.revision}"`).setHeader('Location', `/api/mentorships/${result.mentorshipId}`);
    return { id: view.id, state: view.state, revision: view.revision, position: positionOf(result), replayed: result.replayed, mentorship: view };
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const view = await this.queries.execute(new GetMentorshipQuery(id, actor));
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Post(':id/steps/:step')
  @HttpCode(200)
  async step(
    @Param('id') id: string, @Param('step') step: string, @Body() body: unknown,
    @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ) {
    if (!isStepName(step)) {
      throw new DomainError({ kind: 'not-found', code: 'unknown-step', message: `Шага «${step}» нет. Доступные шаги перечислены в availableSteps наставничества.` });
    }
    const result = await this.commands.execute(new TakeStepCommand(id, step, body, commandContext(req, actor, body, `${id}:${step}`)));
    const view = await this.queries.execute(new GetMentorshipQuery(id, actor, result.revision));
    res.setHeader('ETag', `"${view.revision}"`);
    return { ...view, position: positionOf(result), successorId: result.successorId ?? view.successorId, replayed: result.replayed };
  }
}
