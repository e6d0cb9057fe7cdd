import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Actor } from '../../../../state-machines/people/roles';
import { CurrentActor } from '../../../../libs/auth/src/current-actor.decorator';
import { createUserBody } from '../../../../libs/auth/src/user.events';
import { UsersService } from '../../../../libs/auth/src/users.service';
import { parseBody } from '../../../../libs/workflow/src';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Returns the token once; only its hash is kept. */
  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.users.create(parseBody(createUserBody, body), actor);
  }
}
