import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentActor } from '#libs/auth';
import { ReadModels } from '#libs/projections';
import { monitoringReportCsv, MonitoringReportService, monitoringReportXlsx } from '#libs/reports';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Controller('reports')
export class MonitoringReportController {
  constructor(private readonly rm: ReadModels, private readonly reports: MonitoringReportService) {}

  /** `?from=&to=&form=&format=json|csv|xlsx` — the curator's monitoring report (§3.4). */
  @Get('monitoring')
  async monitoring(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = this.reports.parse(actor, query);
    const { stale } = await awaitFreshness(this.rm, req, res);
    const report = this.reports.build(actor.orgId, q, stale);
    res.setHeader('X-Read-Model-Position', report.position ?? '');
    const name = `monitoring-${q.from}-${q.to}${q.form ? `-${q.form}` : ''}`;
    if (q.format === 'json') return report;
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${q.format}"`);
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8');
      return monitoringReportCsv(report);
    }
    return new StreamableFile(await monitoringReportXlsx(report), { type: XLSX });
  }
}
