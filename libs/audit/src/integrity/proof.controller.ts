import { Controller, Get, Query, Res } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { parseBody, type HttpReply } from '#libs/kernel';
import { ProofService } from './proof.service';

const size = z.coerce.number().int().nonnegative();
const inclusionQuery = z.strictObject({
  stream: z.string().min(1).describe('Поток события (например, mentorship-…)'),
  revision: z.coerce.number().int().nonnegative().describe('Версия события в потоке'),
  size: size.optional().describe('Число событий подписанной контрольной суммы журнала'),
});
const consistencyQuery = z.strictObject({
  from: size.describe('Число событий прежней контрольной суммы журнала'),
  to: size.optional().describe('Число событий новой (по умолчанию — последней)'),
});

/** Files to download: no scripts, nothing cached, named for what they hold. */
function asFile(res: HttpReply, name: string): void {
  res.header('Content-Type', 'text/plain; charset=utf-8');
  res.header('Content-Disposition', `attachment; filename="${name}"`);
  res.header('Cache-Control', 'private, no-store');
  res.header('X-Content-Type-Options', 'nosniff');
}

const safe = (orgId: string) => orgId.replace(/[^\w.-]/g, '_');

@Controller('audit')
export class ProofController {
  constructor(private readonly proofs: ProofService) {}

  /** `GET /api/audit/checkpoints`: the log's origin, the organisation's keys, the witness, the signed checkpoints. */
  @Get('checkpoints')
  checkpoints(@CurrentActor() actor: Actor) {
    return this.proofs.checkpoints(actor);
  }

  /** `GET /api/audit/proofs/inclusion?stream=S&revision=R[&size=N]`: that event is in the log as of a signed checkpoint. */
  @Get('proofs/inclusion')
  async inclusion(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const q = parseBody(inclusionQuery, query);
    const proof = await this.proofs.inclusion(actor, q.stream, q.revision, q.size);
    asFile(res, `vklyuchenie-${safe(actor.orgId)}-${proof.index + 1}-iz-${proof.size}.tlog-proof`);
    return proof.text;
  }

  /** `GET /api/audit/proofs/consistency?from=M[&to=N]`: the log of N events extends the one of M. */
  @Get('proofs/consistency')
  async consistency(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const q = parseBody(consistencyQuery, query);
    const proof = await this.proofs.consistency(actor, q.from, q.to);
    asFile(res, `soglasovannost-${safe(actor.orgId)}-${proof.from}-${proof.to}.tlog-consistency`);
    return proof.text;
  }
}
