import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { ReadModels, PairingSuggestionsQuery } from '#libs/projections';
import { awaitFreshness } from './queries/freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/** `GET /api/banks/mentees/:personId/suggestions`: mentors of the bank ranked for one mentee (§3.5, §6.1); advice only. */
@Controller('banks/mentees/:personId/suggestions')
export class SuggestionsController {
  constructor(private readonly rm: ReadModels, private readonly suggestions: PairingSuggestionsQuery) {}

  @Get()
  async get(@Param('personId') personId: string, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.suggestions.suggest(actor, personId), ...freshness };
  }
}
