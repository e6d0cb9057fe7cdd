import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, type ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#libs/kernel';

const WINDOW_MS = 60_000;
const BLOCK_MS = 60_000;
/** Blocked addresses remembered at most (an attack from many addresses must not grow the heap). */
const MAX_BLOCKED = 10_000;

/** The client address a limit counts by: the socket's (no proxy is trusted), IPv6 by its /64 as the library does. */
export const clientAddress = (req: { ip?: string; socket?: { remoteAddress?: string } }): string =>
  normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');

/**
 * Failed sign-ins per client address (`rateLimits.failedAuth` a minute), counted by the throttler's
 * storage: past the limit the address is blocked for a minute. Only requests whose token was refused
 * count (a school behind one address signs in correctly all day); a request without a token is free
 * to refuse and counts for nothing. The block is checked before the token is even hashed.
 * Per process: in a cluster each API process counts on its own (a shared ThrottlerStorage would join them).
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seconds this address must still wait, or 0. */
  retryAfter(address: string): number {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return 0;
    const left = (until - performance.now()) / 1000;
    if (left > 0) return Math.ceil(left);
    this.blockedUntil.delete(address);
    return 0;
  }

  /** Counts a refused token; returns the seconds to wait when this one crossed the limit, else 0. */
  async failed(address: string): Promise<number> {
    const limit = this.config.rateLimits.failedAuth;
    if (limit === 0) return 0;
    const r = await this.storage.increment(`failed-auth:${address}`, WINDOW_MS, limit, BLOCK_MS, 'failed-auth');
    if (!r.isBlocked) return 0;
    if (this.blockedUntil.size >= MAX_BLOCKED) this.prune();
    this.blockedUntil.set(address, performance.now() + r.timeToBlockExpire * 1000);
    return r.timeToBlockExpire;
  }

  private prune(): void {
    const now = performance.now();
    for (const [address, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(address);
    if (this.blockedUntil.size >= MAX_BLOCKED) this.blockedUntil.clear();
  }
}
