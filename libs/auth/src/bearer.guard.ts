import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#core/shared';
import { PUBLIC_ROUTE } from './current-actor.decorator';
import { clientAddress, FailedAuthLimiter } from './failed-auth.limiter';
import { tooManyRequests } from './too-many-requests';
import { UsersService } from './users.service';
import { type HttpReply } from '#libs/kernel';

const TOO_MANY = 'Слишком много попыток входа с неверным токеном с этого адреса.';

/**
 * `Authorization: Bearer <token>` on every route not marked @Public(). An address past its limit of
 * refused tokens gets 429 before its token is even hashed; each refused token counts towards it.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  /** Whether a route (controller class, handler) is @Public(): its metadata is fixed once the app is built. */
  private readonly publicRoutes = new WeakMap<object, WeakMap<object, boolean>>();

  constructor(private readonly users: UsersService, private readonly failures: FailedAuthLimiter, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;
    const req = context.switchToHttp().getRequest();
    const res = context.switchToHttp().getResponse<HttpReply>();
    const address = clientAddress(req);
    const wait = this.failures.retryAfter(address);
    if (wait > 0) throw tooManyRequests(res, wait, 'too-many-failed-sign-ins', TOO_MANY);
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainError({ kind: 'unauthenticated', code: 'unauthenticated', message: 'Нужен заголовок Authorization: Bearer <токен>.' });
    const result = await this.users.authenticate(token);
    if ('refusal' in result) {
      const blocked = await this.failures.failed(address);
      if (blocked > 0) throw tooManyRequests(res, blocked, 'too-many-failed-sign-ins', TOO_MANY);
      throw new DomainError(result.refusal);
    }
    req.actor = result.actor;
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let routes = this.publicRoutes.get(controller);
    if (!routes) this.publicRoutes.set(controller, (routes = new WeakMap()));
    let known = routes.get(handler);
    if (known === undefined) routes.set(handler, (known = !!this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, controller])));
    return known;
  }
}
