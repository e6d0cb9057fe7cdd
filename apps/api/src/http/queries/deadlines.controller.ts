import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { DeadlinesQuery, ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly rm: ReadModels, private readonly deadlines: DeadlinesQuery) {}

  /** `?within=14d`: deadlines not yet met that fall due within N days, and every overdue one. */
  @Get()
  async get(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.deadlines.upcoming(actor, query), ...freshness };
  }
}
