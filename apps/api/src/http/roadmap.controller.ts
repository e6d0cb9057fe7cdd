import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isRoadmapStepName } from '#core/roadmap';
import { DomainError } from '#core/shared';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { RoadmapReader, TakeRoadmapStepCommand } from '#libs/roadmap';
import { positionOf, type HttpRequest, type HttpReply } from '#libs/kernel';
import { commandContext } from './request-context';

/**
 * The organisation's roadmap (the «Примерная дорожная карта» of the regulation): `GET` for its
 * stage and what is missing, `POST steps/:step` in the mentorship steps' style (If-Match, Idempotency-Key).
 */
@Controller('roadmap')
export class RoadmapController {
  constructor(private readonly commands: CommandBus, private readonly reader: RoadmapReader) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const view = await this.reader.read(actor);
    // Not drafted yet: no version to match.
    if (view.revision >= 0) res.header('ETag', `"${view.revision}"`);
    res.header('Vary', 'Authorization');
    return view;
  }

  @Post('steps/:step')
  @HttpCode(200)
  async step(
    @Param('step') step: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply,
  ) {
    if (!isRoadmapStepName(step)) {
      throw new DomainError({ kind: 'not-found', code: 'unknown-step', message: `Шага «${step}» у дорожной карты нет. Доступные шаги перечислены в availableSteps.` });
    }
    const written = await this.commands.execute(new TakeRoadmapStepCommand(step, body, commandContext(req, actor, body, `roadmap:${step}`)));
    const view = await this.reader.read(actor);
    res.header('ETag', `"${view.revision}"`);
    return { ...view, position: positionOf(written), replayed: written.replayed };
  }
}
