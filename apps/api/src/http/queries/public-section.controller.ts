import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '#libs/auth';
import { PublicSectionQuery, ReadModels } from '#libs/projections';
import { awaitFreshness } from './freshness';

/** The website section of §8 for one organisation, without a token: public fields only. */
@Controller('public/:orgId')
@Public()
export class PublicSectionController {
  constructor(private readonly rm: ReadModels, private readonly section: PublicSectionQuery) {}

  @Get()
  async all(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.section.section(orgId), ...freshness };
  }

  @Get('programs')
  async programs(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.programs(orgId), ...freshness };
  }

  @Get('results')
  async results(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.results(orgId), ...freshness };
  }

  @Get('mentors')
  async mentors(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.mentors(orgId), ...freshness };
  }

  @Get('mentees')
  async mentees(@Param('orgId') orgId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { items: this.section.mentees(orgId), ...freshness };
  }
}
