import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { MentorshipListQuery, ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

@Controller('mentorships')
export class MentorshipListController {
  constructor(private readonly rm: ReadModels, private readonly list: MentorshipListQuery) {}

  /** `?state=&mentorId=&menteeId=&form=&overdue=&page=&pageSize=&after=` → `{items, total, page, pageSize, position, stale}`. */
  @Get()
  async get(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.list.list(actor, query), ...freshness };
  }
}
