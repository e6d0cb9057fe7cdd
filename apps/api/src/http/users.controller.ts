import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Actor } from '#core/people';
import { createUserBody } from '#core/accounts';
import { CurrentActor, UsersService } from '#libs/auth';
import { parseBody } from '#libs/kernel';

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
