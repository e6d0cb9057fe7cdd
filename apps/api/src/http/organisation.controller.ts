import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { positionOf, type HttpRequest, type HttpReply } from '#libs/kernel';
import { OrganisationReader, RecordOrganisationDetailsCommand } from '#libs/organisation';
import { commandContext } from './request-context';

/**
 * The organisation's details as documents print them: `GET` for everyone of the organisation, `POST details`
 * for the head and the administrator (If-Match with the revision, Idempotency-Key).
 */
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly commands: CommandBus, private readonly reader: OrganisationReader) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const view = await this.reader.view(actor);
    if (view.revision >= 0) res.header('ETag', `"${view.revision}"`);
    res.header('Cache-Control', 'private, no-cache');
    res.header('Vary', 'Authorization');
    return view;
  }

  @Post('details')
  @HttpCode(200)
  async details(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const written = await this.commands.execute(new RecordOrganisationDetailsCommand(body, commandContext(req, actor, body, 'organisation:details')));
    const view = await this.reader.view(actor);
    res.header('ETag', `"${view.revision}"`);
    return { ...view, position: positionOf(written), replayed: written.replayed };
  }
}
