import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { ReadModels, requireRole } from '#libs/projections';
import { RemindersQuery, RemindersService } from '#libs/reminders';
import { awaitFreshness } from './queries/freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService, private readonly query: RemindersQuery, private readonly rm: ReadModels) {}

  /** The caller's reminders and escalations (§3.4, §3.6, §3.7 deadlines). */
  @Get()
  mine(@CurrentActor() actor: Actor) {
    return this.query.forUser(actor);
  }

  /** Runs the scheduler's pass now for the caller's organisation (its administrator; `?after=` first waits for the read models to reach a write). */
  @Post('run')
  @HttpCode(200)
  async run(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    requireRole(actor, ['admin'], 'Запустить рассылку напоминаний вручную может администратор.');
    await awaitFreshness(this.rm, req, res);
    return this.reminders.tick(actor.orgId);
  }
}
