import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { routeOf, type HttpRequest, type RateLimits } from '#libs/kernel';

export type CostlyKind = Exclude<keyof RateLimits, 'failedAuth'>;

/**
 * The routes whose one request costs far more than a page (the whole log read and hashed, a fold up to
 * a date, an office file generated, a spreadsheet parsed), by route pattern: each gets its own
 * per-address limit a minute, counted for every request, before the token is checked.
 */
export const COSTLY_ROUTES: Readonly<Record<string, { kind: CostlyKind; when?: (query: Record<string, unknown>) => boolean }>> = {
  'GET /api/audit/verify': { kind: 'verify' },
  'GET /api/audit/verify/statement': { kind: 'verify' },
  'GET /api/audit/export': { kind: 'verify' },
  'GET /api/audit/organisation': { kind: 'asOf' },
  'GET /api/mentorships/:id/documents/:kind': { kind: 'files' },
  // The report on screen is JSON from read models; its files are what costs.
  'GET /api/reports/monitoring': { kind: 'files', when: (q) => q.format === 'xlsx' || q.format === 'csv' },
  'POST /api/people/import': { kind: 'import' },
};

export function costlyKindOf(context: ExecutionContext): CostlyKind | undefined {
  const req = context.switchToHttp().getRequest<HttpRequest>();
  const route = COSTLY_ROUTES[`${req.method} ${routeOf(req) ?? ''}`];
  return route && (!route.when || route.when((req.query ?? {}) as Record<string, unknown>)) ? route.kind : undefined;
}

const KINDS: readonly CostlyKind[] = ['verify', 'asOf', 'files', 'import'];

/** One named throttler per kind with a limit (0: none), each applied only to its own routes. */
export function costlyRouteThrottlers(limits: RateLimits): ThrottlerOptions[] {
  return KINDS.filter((kind) => limits[kind] > 0).map((kind) => ({
    name: kind,
    ttl: 60_000,
    limit: limits[kind],
    skipIf: (context: ExecutionContext) => costlyKindOf(context) !== kind,
  }));
}
