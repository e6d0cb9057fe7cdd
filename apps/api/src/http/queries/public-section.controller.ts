import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '#libs/auth';
import { PublicSectionQuery, ReadModels } from '#libs/projections';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/** The website section of §8 for one organisation, without a token: public fields only. */
@Controller('public/:orgId')
@Public()
export class PublicSectionController {
  constructor(private readonly rm: ReadModels, private readonly section: PublicSectionQuery) {}

  @Get()
  async all(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.section.section(orgId), ...freshness };
  }

  @Get('programs')
  async programs(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.programs(orgId), ...freshness };
  }

  @Get('results')
  async results(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.results(orgId), ...freshness };
  }

  @Get('mentors')
  async mentors(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.mentors(orgId), ...freshness };
  }

  @Get('mentees')
  async mentees(@Param('orgId') orgId: string, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.mentees(orgId), ...freshness };
  }
}
