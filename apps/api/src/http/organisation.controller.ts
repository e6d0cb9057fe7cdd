import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { positionOf } from '#libs/kernel';
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
  async get(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const view = await this.reader.view(actor);
    if (view.revision >= 0) res.setHeader('ETag', `"${view.revision}"`);
    res.setHeader('Cache-Control', 'private, no-cache').setHeader('Vary', 'Authorization');
    return view;
  }

  @Post('details')
  @HttpCode(200)
  async details(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const written = await this.commands.execute(new RecordOrganisationDetailsCommand(body, commandContext(req, actor, body, 'organisation:details')));
    const view = await this.reader.view(actor);
    res.setHeader('ETag', `"${view.revision}"`);
    return { ...view, position: positionOf(written), replayed: written.replayed };
  }
}
