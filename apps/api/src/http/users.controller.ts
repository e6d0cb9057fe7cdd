import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Actor } from '#core/people';
import { accountActionBody, createUserBody } from '#core/accounts';
import { CurrentActor, UsersService } from '#libs/auth';
import { parseBody, type HttpRequest } from '#libs/kernel';
import { commandContext } from './request-context';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The organisation's accounts for its administrator: state, why disabled, when the token expires. */
  @Get()
  async list(@CurrentActor() actor: Actor) {
    return { items: await this.users.list(actor) };
  }

  /** Returns the token once; only its hash is kept. */
  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.users.create(parseBody(createUserBody, body), actor);
  }

  /** Its token is refused from the next request on, in every process within a second. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(accountActionBody, body);
    return this.users.disable(id, commandContext(req, actor, body ?? {}, `user:${id}:disable`));
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(accountActionBody, body);
    return this.users.enable(id, commandContext(req, actor, body ?? {}, `user:${id}:enable`));
  }

  /** A new token, shown once; the old one stops at once. */
  @Post(':id/rotate-token')
  @HttpCode(200)
  rotate(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(accountActionBody, body);
    return this.users.rotate(id, actor, req.id);
  }
}
