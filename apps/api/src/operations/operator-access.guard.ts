import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '#core/shared';
import { CONFIG, type Config, type HttpRequest } from '#libs/kernel';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
const LOOPBACK = /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^::1$/;
/** A proxy on this machine connects from loopback on behalf of someone else, and says so in one of these. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** Whether a request came straight from this machine rather than through a proxy. */
export function fromThisMachine(req: Pick<HttpRequest, 'headers'> & { socket: { remoteAddress?: string } }): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && FORWARDING_HEADERS.every((h) => req.headers[h] === undefined);
}

/**
 * What only the operator reads (`/api/metrics`, `/api/health/projections`): with `METRICS_TOKEN` set,
 * only `Authorization: Bearer <it>`, compared in constant time as SHA-256 hashes (equal lengths, so
 * neither the token's length nor its first differing byte shows in the time taken); without it,
 * only requests straight from this machine.
 */
@Injectable()
export class OperatorAccessGuard implements CanActivate {
  private readonly tokenHash: Buffer | undefined;

  constructor(@Inject(CONFIG) config: Config) {
    this.tokenHash = config.METRICS_TOKEN ? sha256(config.METRICS_TOKEN) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<HttpRequest>();
    if (this.tokenHash) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (given !== undefined && timingSafeEqual(sha256(given), this.tokenHash)) return true;
      throw new DomainError({ kind: 'unauthenticated', code: 'unauthenticated', message: 'Метрики и состояние проекций доступны только с токеном METRICS_TOKEN.' });
    }
    if (fromThisMachine(req)) return true;
    throw new DomainError({
      kind: 'forbidden', code: 'operator-only',
      message: 'Метрики и состояние проекций доступны только с этой машины; для доступа по сети задайте METRICS_TOKEN и передавайте его в Authorization: Bearer.',
    });
  }
}
