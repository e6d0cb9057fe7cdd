import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#core/shared';
import { PUBLIC_ROUTE } from './current-actor.decorator';
import { UsersService } from './users.service';

/** `Authorization: Bearer <token>` on every route not marked @Public(). */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(private readonly users: UsersService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const actor = token ? await this.users.authenticate(token) : null;
    if (!actor) {
      throw new DomainError({
        kind: 'unauthenticated',
        code: 'unauthenticated',
        message: token ? 'Токен не распознан. Войдите заново.' : 'Нужен заголовок Authorization: Bearer <токен>.',
      });
    }
    req.actor = actor;
    return true;
  }
}
