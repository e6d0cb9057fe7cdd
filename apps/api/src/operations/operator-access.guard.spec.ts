import type { ExecutionContext } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '#core/shared';
import { defaultConfig } from '#libs/kernel';
import { fromThisMachine, OperatorAccessGuard } from './operator-access.guard';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers });
const context = (req: object) => ({ switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;
const verdict = (guard: OperatorAccessGuard, req: object) => {
  try {
    return guard.canActivate(context(req));
  } catch (e) {
    return (e as DomainError).refusal.code;
  }
};

describe('the operator\'s pages (metrics, projections\' health)', () => {
  it('without a token: requests straight from this machine only', () => {
    const guard = new OperatorAccessGuard(defaultConfig());
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(verdict(guard, request(address))).toBe(true);
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '']) expect(verdict(guard, request(address))).toBe('operator-only');
    expect(verdict(guard, request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }))).toBe('operator-only');
    expect(fromThisMachine(request('127.0.0.1', { forwarded: 'for=203.0.113.7' }))).toBe(false);
  });

  it('with METRICS_TOKEN: only that bearer token, from anywhere, compared in constant time as hashes', () => {
    const token = 'metrics-Zq8vN3kR7tW1xY5bC9dF2gH6jK4mP0sL';
    const guard = new OperatorAccessGuard({ ...defaultConfig(), METRICS_TOKEN: token });
    const compare = jest.mocked(timingSafeEqual);
    compare.mockClear();
    expect(verdict(guard, request('10.0.0.5', { authorization: `Bearer ${token}` }))).toBe(true);
    expect(compare).toHaveBeenCalledTimes(1);
    expect(compare.mock.calls[0].map((b) => (b as Buffer).length)).toEqual([32, 32]);
    for (const authorization of [undefined, `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `bearer ${token}`, token, 'Bearer ']) {
      expect(verdict(guard, request('127.0.0.1', authorization === undefined ? {} : { authorization }))).toBe('unauthenticated');
    }
  });
});
