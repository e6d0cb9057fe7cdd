import { tokenExpired, tokenExpiresAt } from './token-expiry';

describe('token expiry', () => {
  const issued = '2026-05-28T06:00:00.000Z';

  it('counts whole days from the issue instant', () => {
    expect(tokenExpiresAt(issued, 180)).toBe('2026-11-24T06:00:00.000Z');
    expect(tokenExpired(issued, 180, '2026-11-24T05:59:59.999Z')).toBe(false);
    expect(tokenExpired(issued, 180, '2026-11-24T06:00:00.000Z')).toBe(true);
  });

  it('never expires when switched off', () => {
    expect(tokenExpiresAt(issued, null)).toBeNull();
    expect(tokenExpired(issued, null, '2100-01-01T00:00:00.000Z')).toBe(false);
  });

  it('an unreadable issue time counts as long ago', () => {
    expect(tokenExpired('', 180, '2026-01-01T00:00:00.000Z')).toBe(true);
  });
});
