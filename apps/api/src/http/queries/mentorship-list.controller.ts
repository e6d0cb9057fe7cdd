import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { MentorshipListQuery, ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';

@Controller('mentorships')
export class MentorshipListController {
  constructor(private readonly rm: ReadModels, private readonly list: MentorshipListQuery) {}

  /** `?state=&mentorId=&menteeId=&form=&overdue=&page=&pageSize=&after=` → `{items, total, page, pageSize, position, stale}`. */
  @Get()
  async get(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.list.list(actor, query), ...freshness };
  }
}
