import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CurrentActor } from '#libs/auth';
import { OrganisationReader } from '#libs/organisation';
import { ReadModels } from '#libs/projections';
import { monitoringReportCsv, monitoringReportHtml, MonitoringReportService, monitoringReportXlsx, reportDocument } from '#libs/reports';
import type { Actor } from '#core/people';
import { awaitFreshness } from './freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Controller('reports')
export class MonitoringReportController {
  constructor(private readonly rm: ReadModels, private readonly reports: MonitoringReportService, private readonly organisation: OrganisationReader) {}

  /**
   * `?from=&to=&form=&format=json|html|csv|xlsx` — the curator's monitoring report (§3.4): the figures (JSON), the
   * document to print and sign (HTML, XLSX) with the organisation's details in force today, the data (CSV).
   */
  @Get('monitoring')
  async monitoring(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const q = this.reports.parse(actor, query);
    const { stale } = await awaitFreshness(this.rm, req, res);
    const report = this.reports.build(actor.orgId, q, stale);
    res.header('X-Read-Model-Position', report.position ?? '');
    const name = `monitoring-${q.from}-${q.to}${q.form ? `-${q.form}` : ''}`;
    if (q.format === 'json') return report;
    const organisation = await this.organisation.printed(actor.orgId);
    if (q.format === 'html') {
      // A printable page of the organisation's figures: no scripts, nothing from elsewhere, never kept by a shared cache.
      res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.header('Cache-Control', 'private, no-store');
      res.header('Content-Disposition', `inline; filename="${name}.html"`);
      res.header('Content-Type', 'text/html; charset=utf-8');
      return monitoringReportHtml(reportDocument(report, organisation));
    }
    res.header('Content-Disposition', `attachment; filename="${name}.${q.format}"`);
    if (q.format === 'csv') {
      res.header('Content-Type', 'text/csv; charset=utf-8');
      return monitoringReportCsv(report, organisation);
    }
    return new StreamableFile(await monitoringReportXlsx(report, organisation), { type: XLSX });
  }
}
