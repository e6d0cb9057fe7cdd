import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '../../../../state-machines/people/roles';
import { CurrentActor } from '../../../../libs/auth/src/current-actor.decorator';
import { ReadModels } from '../../../../libs/projections/src/read-models';
import { PairingSuggestionsQuery } from '../../../../libs/organisation/src/suggestions/pairing-suggestions.query';
import { awaitFreshness } from './queries/freshness';

/** `GET /api/banks/mentees/:personId/suggestions`: mentors of the bank ranked for one mentee (§3.5, §6.1); advice only. */
@Controller('banks/mentees/:personId/suggestions')
export class SuggestionsController {
  constructor(private readonly rm: ReadModels, private readonly suggestions: PairingSuggestionsQuery) {}

  @Get()
  async get(@Param('personId') personId: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.suggestions.suggest(actor, personId), ...freshness };
  }
}
