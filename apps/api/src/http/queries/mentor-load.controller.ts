import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { MentorLoadQuery, ReadModels } from '#libs/projections';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

@Controller('mentors')
export class MentorLoadController {
  constructor(private readonly rm: ReadModels, private readonly loads: MentorLoadQuery) {}

  @Get(':id/load')
  async load(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.loads.load(actor, id), ...freshness };
  }
}
