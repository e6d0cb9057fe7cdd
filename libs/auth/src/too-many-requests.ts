import { DomainError } from '#core/shared';
import { type HttpReply } from '#libs/kernel';

/** 429 with `Retry-After` (seconds) and a Russian problem: the address waits, nothing else was done. */
export function tooManyRequests(res: HttpReply, retryAfterSeconds: number, code: string, message: string): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.header('Retry-After', String(seconds));
  return new DomainError({ kind: 'rate-limited', code, message: `${message} Повторите через ${seconds} с.`, details: { retryAfter: seconds } });
}
