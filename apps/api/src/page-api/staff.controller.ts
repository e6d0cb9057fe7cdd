import { Controller, Get, Req, Res } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from '../http/queries/freshness';
import { StaffListQuery } from './staff-list.query';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/** `GET /api/staff`: the organisation's staff with personal-data consent and bank membership. */
@Controller('staff')
export class StaffController {
  constructor(private readonly rm: ReadModels, private readonly staff: StaffListQuery) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.staff.list(actor), ...freshness };
  }
}
