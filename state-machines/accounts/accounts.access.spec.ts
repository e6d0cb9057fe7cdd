import { tokenRefusal } from './accounts.access';
import { foldAccount, upcastAccountEvent } from './accounts.state';
import { DISABLED_BY_ADMIN, ISSUED, MENTOR_CREATED, NOW } from './testing';

describe('tokenRefusal: whether a token lets its account in', () => {
  const active = foldAccount([MENTOR_CREATED])!;
  const check = { tokenHash: 'hash-1', now: NOW, ttlDays: 365, personStops: null };

  it('lets the current token of an active account in', () => {
    expect(tokenRefusal(active, check)).toBeNull();
  });

  it('refuses a disabled account, saying why', () => {
    expect(tokenRefusal(foldAccount([MENTOR_CREATED, DISABLED_BY_ADMIN])!, check)).toMatchObject({ kind: 'unauthenticated', code: 'account-disabled', message: expect.stringContaining('администратор') });
  });

  it('refuses an account whose person withdrew consent even before the account event is written', () => {
    expect(tokenRefusal(active, { ...check, personStops: 'consent-withdrawn' })).toMatchObject({ code: 'account-disabled', message: expect.stringContaining('отозвал согласие') });
  });

  it('refuses a token replaced by a newer one', () => {
    const rotated = foldAccount([MENTOR_CREATED, { type: 'TokenRotated', data: { userId: 'user-7', tokenHash: 'hash-2', issuedAt: NOW } }])!;
    expect(tokenRefusal(rotated, check)).toMatchObject({ code: 'token-revoked' });
    expect(tokenRefusal(rotated, { ...check, tokenHash: 'hash-2' })).toBeNull();
  });

  it('refuses an expired token and tells to ask the administrator', () => {
    expect(tokenRefusal(active, { ...check, ttlDays: 30 })).toMatchObject({ code: 'token-expired', message: expect.stringContaining('администратора') });
    expect(tokenRefusal(active, { ...check, ttlDays: null })).toBeNull();
  });

  it('an account written before tokens expired is issued when it was recorded', () => {
    const { issuedAt: _, ...old } = MENTOR_CREATED.data as typeof MENTOR_CREATED.data & { issuedAt?: string };
    const upcast = upcastAccountEvent({ type: 'UserCreated', data: old } as typeof MENTOR_CREATED, ISSUED);
    expect(foldAccount([upcast])!.tokenIssuedAt).toBe(ISSUED);
  });
});
