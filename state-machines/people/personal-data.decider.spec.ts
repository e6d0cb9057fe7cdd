import { actors, ORG, TODAY } from '../testing/fixtures';
import { DomainError, type Refusal } from '../shared/domain-error';
import { decideDestroyPersonalData, decideEnterMentorBank, decidePersonalDataConsent, decideWithdrawPersonalDataConsent } from './people.decider';
import { parsePeopleEvent, type PeopleEvent } from './people.events';
import { foldMentor, foldPerson, hasPersonalDataConsent } from './people.state';

const refusalOf = (fn: () => unknown): Refusal => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.refusal;
    throw e;
  }
  throw new Error('expected a refusal');
};

const P = 'p-1';
const registered: PeopleEvent = { type: 'PersonRegistered', data: { personId: P, orgId: ORG, fullName: 'Петрова Анна Ивановна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' } };
const consented: PeopleEvent = { type: 'PersonalDataConsentRecorded', data: { personId: P, date: '2024-09-02', documentRef: 'Согласие № 5' } };
const withdrawal = { date: '2025-05-20', documentRef: 'Заявление об отзыве согласия вх. № 12' };
const withdrawn: PeopleEvent = { type: 'PersonalDataConsentWithdrawn', data: { personId: P, ...withdrawal } };
const destruction = { date: '2025-06-01', orderNumber: '44-ПД', orderDate: '2025-05-30' };
const withdrawEnv = { actor: actors.curator(), personId: P, today: TODAY };
const destroyEnv = { actor: actors.head(), personId: P, today: TODAY, unfinishedMentorships: 0 };

describe('withdrawal of personal-data consent (152-ФЗ, ст. 9)', () => {
  it('given a consenting person, when the curator records the written withdrawal, then processing stops', () => {
    const events = decideWithdrawPersonalDataConsent(withdrawal, foldPerson([registered, consented]), withdrawEnv);
    expect(events).toEqual([withdrawn]);
    expect(parsePeopleEvent(events[0])).toEqual(events[0]);
    const person = foldPerson([registered, consented, ...events]);
    expect(hasPersonalDataConsent(person)).toBe(false);
    expect(person?.consentWithdrawn).toEqual(withdrawal);
  });

  it('then the person can no longer enter a bank, and the refusal says why', () => {
    const person = foldPerson([registered, consented, withdrawn]);
    expect(refusalOf(() => decideEnterMentorBank({ personId: P, competences: ['ФГОС ДО'] }, person, foldMentor([]), actors.curator())))
      .toMatchObject({ code: 'no-personal-data-consent', message: expect.stringContaining('отозвал согласие') });
  });

  it('refuses without a consent to withdraw, twice, with a future date or a date before the consent, and for other roles', () => {
    expect(refusalOf(() => decideWithdrawPersonalDataConsent(withdrawal, foldPerson([registered]), withdrawEnv))).toMatchObject({ code: 'no-consent-to-withdraw' });
    expect(refusalOf(() => decideWithdrawPersonalDataConsent(withdrawal, foldPerson([registered, consented, withdrawn]), withdrawEnv))).toMatchObject({ code: 'no-consent-to-withdraw' });
    expect(refusalOf(() => decideWithdrawPersonalDataConsent({ ...withdrawal, date: '2025-06-03' }, foldPerson([registered, consented]), withdrawEnv))).toMatchObject({ code: 'date-in-future' });
    expect(refusalOf(() => decideWithdrawPersonalDataConsent({ ...withdrawal, date: '2024-09-01' }, foldPerson([registered, consented]), withdrawEnv))).toMatchObject({ code: 'date-before-previous-step' });
    expect(refusalOf(() => decideWithdrawPersonalDataConsent(withdrawal, foldPerson([registered, consented]), { ...withdrawEnv, actor: actors.auditor() }))).toMatchObject({ kind: 'forbidden' });
  });

  it('a new written consent after a withdrawal restores processing', () => {
    const again = decidePersonalDataConsent({ date: '2025-06-01', documentRef: 'Согласие № 9' }, foldPerson([registered, consented, withdrawn]), withdrawEnv);
    expect(hasPersonalDataConsent(foldPerson([registered, consented, withdrawn, ...again]))).toBe(true);
  });
});

describe('destruction of personal data (152-ФЗ, ст. 21)', () => {
  it('given a withdrawn consent and no unfinished mentorship, when the head orders it, then a destruction record names the fields, the date and the order', () => {
    const events = decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn]), destroyEnv);
    expect(events).toEqual([{ type: 'PersonalDataDestroyed', data: { personId: P, orgId: ORG, fields: ['PersonRegistered.fullName', 'UserCreated.name', 'UserCreated.email'], date: '2025-06-01', order: { number: '44-ПД', date: '2025-05-30' } } }]);
    expect(parsePeopleEvent(events[0])).toEqual(events[0]);
    expect(foldPerson([registered, consented, withdrawn, ...events])?.personalDataDestroyed).toEqual({ date: '2025-06-01', orderNumber: '44-ПД' });
  });

  it('is kept while an unfinished mentorship still needs the data', () => {
    expect(refusalOf(() => decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn]), { ...destroyEnv, unfinishedMentorships: 1 })))
      .toMatchObject({ kind: 'rule', code: 'retention-required', clause: expect.stringContaining('152-ФЗ') });
  });

  it('refuses without a withdrawal, twice, to anyone but the head, and with dates out of order', () => {
    expect(refusalOf(() => decideDestroyPersonalData(destruction, foldPerson([registered, consented]), destroyEnv))).toMatchObject({ code: 'consent-not-withdrawn' });
    const destroyed = decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn]), destroyEnv);
    expect(refusalOf(() => decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn, ...destroyed]), destroyEnv))).toMatchObject({ code: 'personal-data-destroyed' });
    expect(refusalOf(() => decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn]), { ...destroyEnv, actor: actors.curator() }))).toMatchObject({ kind: 'forbidden', clause: '§3.3' });
    expect(refusalOf(() => decideDestroyPersonalData({ ...destruction, date: '2025-05-29' }, foldPerson([registered, consented, withdrawn]), destroyEnv))).toMatchObject({ code: 'date-before-previous-step' });
    expect(refusalOf(() => decideDestroyPersonalData({ ...destruction, orderDate: '2025-06-05' }, foldPerson([registered, consented, withdrawn]), destroyEnv))).toMatchObject({ code: 'date-in-future' });
  });

  it('once destroyed, consent cannot be recorded again', () => {
    const destroyed = decideDestroyPersonalData(destruction, foldPerson([registered, consented, withdrawn]), destroyEnv);
    expect(refusalOf(() => decidePersonalDataConsent({ date: '2025-06-01', documentRef: 'x' }, foldPerson([registered, consented, withdrawn, ...destroyed]), withdrawEnv)))
      .toMatchObject({ code: 'personal-data-destroyed' });
  });
});
