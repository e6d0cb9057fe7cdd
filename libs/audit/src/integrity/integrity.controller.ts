import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { IntegrityService } from './integrity.service';
import { type HttpReply } from '#libs/kernel';

@Controller('audit/verify')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  /** `GET /api/audit/verify[?count=N&head=H]`: the organisation's chain, recomputed from the whole log. */
  @Get()
  verify(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor) {
    this.integrity.authorize(actor);
    return this.integrity.verify(actor, this.integrity.parseAnchors(query));
  }

  /** `GET /api/audit/verify/statement[?count=N&head=H]`: «Акт проверки целостности журнала», printable HTML. */
  @Get('statement')
  async statement(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    this.integrity.authorize(actor);
    const { html, result } = await this.integrity.statement(actor, this.integrity.parseAnchors(query));
    const day = result.checkedAt.slice(0, 10);
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.header('Content-Disposition', `inline; filename="akt-proverki-zhurnala-${actor.orgId.replace(/[^\w.-]/g, '_')}-${day}.html"`);
    // A printable page: the app's headers forbid scripts, framing and storing it.
    return html;
  }
}
