import { actors, ORG, TODAY } from '../../testing/fixtures';
import { DomainError, type Refusal } from '../../shared/domain-error';
import { decideDestroyPersonalData } from '../people.decider';
import type { PeopleEvent } from '../people.events';
import { foldPerson } from '../people.state';
import { dataNoLongerNeeded } from './retention.rule';

describe('dataNoLongerNeeded (152-ФЗ with §3.6)', () => {
  it('holds once no unfinished mentorship needs the data', () => expect(dataNoLongerNeeded(0)).toBeNull());

  it('refuses while one does, saying how many', () => {
    expect(dataNoLongerNeeded(2)).toMatchObject({ kind: 'rule', code: 'retention-required', clause: expect.stringContaining('§3.6'), details: { unfinishedMentorships: 2 } });
  });

  it('given a withdrawn consent and an unfinished mentorship, when the head orders destruction, then it is refused by this rule', () => {
    const P = 'p-1';
    const history: PeopleEvent[] = [
      { type: 'PersonRegistered', data: { personId: P, orgId: ORG, fullName: 'Петрова Анна Ивановна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' } },
      { type: 'PersonalDataConsentRecorded', data: { personId: P, date: '2024-09-02', documentRef: 'Согласие № 5' } },
      { type: 'PersonalDataConsentWithdrawn', data: { personId: P, date: '2025-05-20', documentRef: 'Заявление № 12' } },
    ];
    let refusal: Refusal | undefined;
    try {
      decideDestroyPersonalData({ date: '2025-06-01', orderNumber: '44-ПД', orderDate: '2025-05-30' }, foldPerson(history), { actor: actors.head(), personId: P, today: TODAY, unfinishedMentorships: 1 });
    } catch (e) {
      if (e instanceof DomainError) refusal = e.refusal;
    }
    expect(refusal).toEqual(dataNoLongerNeeded(1));
  });
});
