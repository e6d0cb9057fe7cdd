import { actors, ORG, TODAY } from '../../testing/fixtures';
import { DomainError, type Refusal } from '../../shared/domain-error';
import { decideWithdrawPersonalDataConsent } from '../people.decider';
import type { PeopleEvent } from '../people.events';
import { foldPerson } from '../people.state';
import { PERSONAL_DATA_CLAUSE } from '../personal-data';
import { consentDateValid, destructionDatesValid, withdrawalDateValid } from './personal-data-dates.rule';

describe('personal-data records are dated by their documents (roadmap stages 2–3, 152-ФЗ)', () => {
  it('a consent is never dated in the future', () => {
    expect(consentDateValid(TODAY, TODAY)).toBeNull();
    expect(consentDateValid('2025-06-03', TODAY)).toMatchObject({ kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта, этапы 2–3' });
  });

  it('a withdrawal is dated between the consent and today', () => {
    expect(withdrawalDateValid('2024-09-02', TODAY, '2024-09-02')).toBeNull();
    expect(withdrawalDateValid('2025-06-03', TODAY, '2024-09-02')).toMatchObject({ code: 'date-in-future', clause: PERSONAL_DATA_CLAUSE });
    expect(withdrawalDateValid('2024-09-01', TODAY, '2024-09-02')).toMatchObject({ code: 'date-before-previous-step', clause: PERSONAL_DATA_CLAUSE });
  });

  it('a destruction and its order are not in the future, and the destruction does not precede the order', () => {
    expect(destructionDatesValid('2025-06-01', '2025-05-30', TODAY)).toBeNull();
    expect(destructionDatesValid('2025-06-01', '2025-06-05', TODAY)).toMatchObject({ code: 'date-in-future' });
    expect(destructionDatesValid('2025-05-29', '2025-05-30', TODAY)).toMatchObject({ code: 'date-before-previous-step', message: expect.stringContaining('30.05.2025') });
  });

  it('given a consent of 2024-09-02, when a withdrawal dated before it is recorded, then it is refused by this rule', () => {
    const P = 'p-1';
    const history: PeopleEvent[] = [
      { type: 'PersonRegistered', data: { personId: P, orgId: ORG, fullName: 'Петрова Анна Ивановна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' } },
      { type: 'PersonalDataConsentRecorded', data: { personId: P, date: '2024-09-02', documentRef: 'Согласие № 5' } },
    ];
    let refusal: Refusal | undefined;
    try {
      decideWithdrawPersonalDataConsent({ date: '2024-09-01', documentRef: 'Заявление' }, foldPerson(history), { actor: actors.curator(), personId: P, today: TODAY });
    } catch (e) {
      if (e instanceof DomainError) refusal = e.refusal;
    }
    expect(refusal).toEqual(withdrawalDateValid('2024-09-01', TODAY, '2024-09-02'));
  });
});
