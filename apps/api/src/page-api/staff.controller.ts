import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from '../http/queries/freshness';
import { StaffListQuery } from './staff-list.query';

/** `GET /api/staff`: the organisation's staff with personal-data consent and bank membership. */
@Controller('staff')
export class StaffController {
  constructor(private readonly rm: ReadModels, private readonly staff: StaffListQuery) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.staff.list(actor), ...freshness };
  }
}
