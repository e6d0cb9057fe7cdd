import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '#libs/auth';
import { PublicSectionQuery, ReadModels } from '#libs/projections';
import { awaitFreshness } from './queries/freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/** `GET /api/public/:orgId/best-cases`: the website's «лучшие кейсы» (§8.1), without a token. */
@Controller('public/:orgId')
@Public()
export class ProgramsPublicController {
  constructor(private readonly rm: ReadModels, private readonly section: PublicSectionQuery) {}

  @Get('best-cases')
  async bestCases(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.bestCases(orgId), ...freshness };
  }
}
