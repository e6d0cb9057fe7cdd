import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { AuditExportService } from './audit-export.service';
import { type HttpReply } from '#libs/kernel';

/** RFC 6266: an English ASCII name for old clients, the Russian one in `filename*`. */
const disposition = (ascii: string, russian: string) =>
  `attachment; filename="${ascii.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(russian)}`;

@Controller('audit/export')
export class AuditExportController {
  constructor(private readonly exports: AuditExportService) {}

  /** `?from=&to=` (a period) or `?mentorshipId=` (one mentorship), `&format=json|html`: an audit package to download. */
  @Get()
  async export(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const q = this.exports.parse(actor, query);
    const p = await this.exports.build(actor, q);
    const period = p.scope.kind === 'period' ? `${p.scope.from}_${p.scope.to}` : undefined;
    const ascii = `audit-package-${p.orgId}-${period ?? `mentorship-${q.mentorshipId}`}.${q.format}`;
    res.header('Content-Disposition', disposition(ascii, `пакет-аудита-${p.orgId}-${period ?? `наставничество-${q.mentorshipId}`}.${q.format}`));
    // The app's headers forbid scripts, framing and storing it.
    if (q.format === 'json') return p;
    res.header('Content-Type', 'text/html; charset=utf-8');
    return this.exports.html(actor, p);
  }
}
