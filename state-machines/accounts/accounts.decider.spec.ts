import { decideCreateAccount } from './accounts.decider';
import { ADMIN, CURATOR, DISABLED_BY_ADMIN, given, MENTOR_CREATED, NOW, ORG, OTHER_ADMIN } from './testing';

const env = (over: Partial<Parameters<ReturnType<typeof given>['when']>[1]> = {}) => ({ actor: ADMIN, now: NOW, personStops: null, ...over });

describe('account decider', () => {
  describe('create', () => {
    it('records when the token was issued, so its expiry can be counted', () => {
      const [e] = decideCreateAccount({ name: 'Куратор', roles: ['curator'] }, { actor: ADMIN, userId: 'u-1', tokenHash: 'h', now: NOW });
      expect(e.data).toEqual({ userId: 'u-1', orgId: ORG, name: 'Куратор', roles: ['curator'], personId: undefined, tokenHash: 'h', issuedAt: NOW });
    });
  });

  describe('disable', () => {
    it('the administrator disables an active account of the organisation', () => {
      const state = given(MENTOR_CREATED).when({ type: 'DisableAccount' }, env()).then([
        { type: 'AccountDisabled', data: { userId: 'user-7', reason: 'by-admin', at: NOW } },
      ]);
      expect(state?.disabled).toEqual({ reason: 'by-admin', at: NOW });
    });

    it('only the administrator manages accounts', () => {
      given(MENTOR_CREATED).when({ type: 'DisableAccount' }, env({ actor: CURATOR })).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
    });

    it("another organisation's account does not exist for this administrator", () => {
      given(MENTOR_CREATED).when({ type: 'DisableAccount' }, env({ actor: OTHER_ADMIN })).thenRefused({ kind: 'not-found', code: 'account-not-found' });
      given().when({ type: 'DisableAccount' }, env()).thenRefused({ kind: 'not-found', code: 'account-not-found' });
    });

    it('a disabled account is not disabled twice', () => {
      given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'DisableAccount' }, env()).thenRefused({ kind: 'state', code: 'account-already-disabled' });
    });

    it('the administrator cannot lock themselves out', () => {
      const own = { ...MENTOR_CREATED, data: { ...MENTOR_CREATED.data, userId: ADMIN.userId, roles: ['admin'] } } as typeof MENTOR_CREATED;
      given(own).when({ type: 'DisableAccount' }, env()).thenRefused({ kind: 'rule', code: 'own-account' });
    });
  });

  describe('enable', () => {
    it('a disabled account is enabled again', () => {
      const state = given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'EnableAccount' }, env()).then([
        { type: 'AccountEnabled', data: { userId: 'user-7', at: NOW } },
      ]);
      expect(state?.disabled).toBeUndefined();
    });

    it('an active account has nothing to enable', () => {
      given(MENTOR_CREATED).when({ type: 'EnableAccount' }, env()).thenRefused({ kind: 'state', code: 'account-not-disabled' });
    });

    it('not while the person has withdrawn consent or their data is destroyed (152-ФЗ, ст. 21 ч. 5)', () => {
      given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'EnableAccount' }, env({ personStops: 'consent-withdrawn' }))
        .thenRefused({ kind: 'rule', code: 'person-consent-withdrawn', clause: '152-ФЗ, ст. 21 ч. 5' });
      given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'EnableAccount' }, env({ personStops: 'personal-data-destroyed' }))
        .thenRefused({ kind: 'rule', code: 'person-data-destroyed' });
    });
  });

  describe('rotate the token', () => {
    it('the new hash replaces the old one and the expiry counts from now', () => {
      const state = given(MENTOR_CREATED).when({ type: 'RotateToken', tokenHash: 'hash-2' }, env()).then([
        { type: 'TokenRotated', data: { userId: 'user-7', tokenHash: 'hash-2', issuedAt: NOW } },
      ]);
      expect(state).toMatchObject({ tokenHash: 'hash-2', tokenIssuedAt: NOW });
    });

    it('a disabled account is enabled first', () => {
      given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'RotateToken', tokenHash: 'hash-2' }, env()).thenRefused({ kind: 'state', code: 'account-disabled' });
    });

    it('not for a person whose data may no longer be processed', () => {
      given(MENTOR_CREATED).when({ type: 'RotateToken', tokenHash: 'hash-2' }, env({ personStops: 'consent-withdrawn' })).thenRefused({ code: 'person-consent-withdrawn' });
    });

    it('only by the administrator of the organisation', () => {
      given(MENTOR_CREATED).when({ type: 'RotateToken', tokenHash: 'hash-2' }, env({ actor: CURATOR })).thenRefused({ code: 'role-not-allowed' });
      given(MENTOR_CREATED).when({ type: 'RotateToken', tokenHash: 'hash-2' }, env({ actor: OTHER_ADMIN })).thenRefused({ code: 'account-not-found' });
    });
  });

  describe("the app's reaction to the person's withdrawal or destruction", () => {
    it('disables an active account with the reason, whoever acts', () => {
      given(MENTOR_CREATED).when({ type: 'DisableForPerson', reason: 'consent-withdrawn' }, env({ actor: { userId: 'system', orgId: ORG, roles: ['admin'] } })).then([
        { type: 'AccountDisabled', data: { userId: 'user-7', reason: 'consent-withdrawn', at: NOW } },
      ]);
    });

    it('writes nothing for an account already disabled, so it may run again', () => {
      given(MENTOR_CREATED, DISABLED_BY_ADMIN).when({ type: 'DisableForPerson', reason: 'personal-data-destroyed' }, env()).then([]);
    });
  });
});
