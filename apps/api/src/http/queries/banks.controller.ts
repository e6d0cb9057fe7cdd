import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor } from '../../../../../libs/auth/src/current-actor.decorator';
import { BanksQuery } from '../../../../../libs/projections/src/queries/banks.query';
import { ReadModels } from '../../../../../libs/projections/src/read-models';
import type { Actor } from '../../../../../state-machines/people/roles';
import { awaitFreshness } from './freshness';

@Controller('banks')
export class BanksController {
  constructor(private readonly rm: ReadModels, private readonly banks: BanksQuery) {}

  @Get('mentors')
  async mentors(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.banks.mentors(actor), ...freshness };
  }

  @Get('mentees')
  async mentees(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.banks.mentees(actor), ...freshness };
  }
}
