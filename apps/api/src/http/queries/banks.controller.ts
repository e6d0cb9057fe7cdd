import { Controller, Get, Req, Res } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { BanksQuery, ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

@Controller('banks')
export class BanksController {
  constructor(private readonly rm: ReadModels, private readonly banks: BanksQuery) {}

  @Get('mentors')
  async mentors(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.banks.mentors(actor), ...freshness };
  }

  @Get('mentees')
  async mentees(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.banks.mentees(actor), ...freshness };
  }
}
