import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '#libs/auth';
import { PublicSectionQuery, ReadModels } from '#libs/projections';
import { awaitFreshness } from './queries/freshness';

/** `GET /api/public/:orgId/best-cases`: the website's «лучшие кейсы» (§8.1), without a token. */
@Controller('public/:orgId')
@Public()
export class ProgramsPublicController {
  constructor(private readonly rm: ReadModels, private readonly section: PublicSectionQuery) {}

  @Get('best-cases')
  async bestCases(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.bestCases(orgId), ...freshness };
  }
}
