import { DomainError } from '../shared/domain-error';
import { actor, MENTOR } from '../testing/fixtures';
import { decideCreateAccount, type AccountPerson } from './accounts.decider';

const admin = actor('admin');
const body = { name: 'Иванова М. П.', roles: ['mentor' as const], personId: MENTOR };
const found: AccountPerson = { exists: true, stops: null };
const NOW = '2026-11-24T06:00:00.000Z';
const refusalOf = (person: AccountPerson | undefined) => {
  try {
    decideCreateAccount(body, { actor: admin, userId: 'u-1', tokenHash: 'h', now: NOW, person });
  } catch (e) {
    return (e as DomainError).refusal;
  }
  return undefined;
};

describe('an account names a staff member of the administrator\'s own organisation', () => {
  it('is made for a person found in the organisation whose data may be processed', () => {
    const [event] = decideCreateAccount(body, { actor: admin, userId: 'u-1', tokenHash: 'h', now: NOW, person: found });
    expect(event.data).toMatchObject({ orgId: admin.orgId, personId: MENTOR, roles: ['mentor'] });
  });

  it('is refused with 404 for a person this organisation does not have (another organisation\'s reads the same)', () => {
    expect(refusalOf({ ...found, exists: false })).toMatchObject({ kind: 'not-found', code: 'person-not-found' });
    expect(refusalOf(undefined)).toMatchObject({ kind: 'not-found', code: 'person-not-found' });
  });

  it('is refused for a person whose data was destroyed, or who withdrew consent', () => {
    // The same rule keeps an account of such a person from being enabled again or given a new token.
    expect(refusalOf({ ...found, stops: 'personal-data-destroyed' })).toMatchObject({ kind: 'rule', code: 'person-data-destroyed', clause: expect.stringContaining('152-ФЗ') });
    expect(refusalOf({ ...found, stops: 'consent-withdrawn' })).toMatchObject({ kind: 'rule', code: 'person-consent-withdrawn' });
    expect(refusalOf({ ...found, stops: 'consent-withdrawn' })?.message).toMatch(/^[А-Я]/);
  });

  it('needs no person when it names none', () => {
    expect(decideCreateAccount({ name: 'Куратор', roles: ['curator'] }, { actor: admin, userId: 'u-2', tokenHash: 'h', now: NOW })).toHaveLength(1);
  });
});
