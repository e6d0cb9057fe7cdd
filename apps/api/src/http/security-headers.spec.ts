import type { Request, Response } from 'express';
import { helmetHeaders, securityHeaders } from './security-headers';

/** A response that records what is done to its headers, in order. */
function recorder() {
  const calls: unknown[][] = [];
  const res = { setHeader: (n: string, v: unknown) => calls.push(['set', n, v]), removeHeader: (n: string) => calls.push(['remove', n]) };
  return { calls, res: res as unknown as Response };
}

describe('security headers', () => {
  it('set exactly what helmet sets, in the same order, on every request', () => {
    const req = { method: 'POST', headers: { 'content-type': 'application/json' }, path: '/api/mentorships' } as unknown as Request;
    const live = recorder();
    helmetHeaders(req, live.res, () => undefined);
    for (let i = 0; i < 2; i++) {
      const replayed = recorder();
      let next = false;
      securityHeaders(req, replayed.res, () => (next = true));
      expect(next).toBe(true);
      expect(replayed.calls).toEqual(live.calls);
    }
    expect(live.calls).toContainEqual(['set', 'X-Frame-Options', 'DENY']);
  });
});
