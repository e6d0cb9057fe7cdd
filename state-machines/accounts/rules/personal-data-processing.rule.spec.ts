import { personalDataMayBeProcessed, personStopsAccount } from './personal-data-processing.rule';

describe('personal data processing stops an account (152-ФЗ, ст. 21 ч. 5)', () => {
  const consent = { date: '2026-09-01', documentRef: 'Согласие № 1' };

  it('an account of no one, or of a person who consents, works', () => {
    expect(personStopsAccount(undefined)).toBeNull();
    expect(personStopsAccount({})).toBeNull();
  });

  it('withdrawal stops it; consent given again lifts it (the fold clears the withdrawal)', () => {
    expect(personStopsAccount({ consentWithdrawn: consent })).toBe('consent-withdrawn');
  });

  it('destruction stops it for good', () => {
    expect(personStopsAccount({ consentWithdrawn: consent, personalDataDestroyed: { date: '2026-11-20', orderNumber: '1' } })).toBe('personal-data-destroyed');
  });

  it('refuses what would process the data again, citing the law', () => {
    expect(personalDataMayBeProcessed(null, 'Включить')).toBeNull();
    expect(personalDataMayBeProcessed('by-admin', 'Включить')).toBeNull();
    expect(personalDataMayBeProcessed('consent-withdrawn', 'Включить учётную запись')).toMatchObject({ kind: 'rule', code: 'person-consent-withdrawn', clause: '152-ФЗ, ст. 21 ч. 5' });
  });
});
