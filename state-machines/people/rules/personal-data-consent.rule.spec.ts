import { actors, ORG } from '../../testing/fixtures';
import { DomainError } from '../../shared/domain-error';
import { decideEnterMenteeBank } from '../people.decider';
import type { PeopleEvent } from '../people.events';
import { foldMentee, foldPerson } from '../people.state';
import { consentsToProcessing } from './personal-data-consent.rule';

const P = 'p-1';
const registered: PeopleEvent = { type: 'PersonRegistered', data: { personId: P, orgId: ORG, fullName: 'Петрова Анна Ивановна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' } };
const consented: PeopleEvent = { type: 'PersonalDataConsentRecorded', data: { personId: P, date: '2024-09-02', documentRef: 'Согласие № 5' } };
const withdrawn: PeopleEvent = { type: 'PersonalDataConsentWithdrawn', data: { personId: P, date: '2025-05-20', documentRef: 'Заявление № 12' } };

describe('consentsToProcessing (roadmap stages 2–3)', () => {
  it('holds for a consent given and not withdrawn', () => {
    expect(consentsToProcessing(foldPerson([registered, consented])!, 'банк наставляемых')).toBeNull();
  });

  it('refuses without a consent, naming the bank', () => {
    expect(consentsToProcessing(foldPerson([registered])!, 'банк наставляемых')).toEqual({
      kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3',
      message: 'Внести в банк наставляемых можно только сотрудника, давшего согласие на обработку персональных данных.',
    });
  });

  it('refuses after a withdrawal, saying when', () => {
    expect(consentsToProcessing(foldPerson([registered, consented, withdrawn])!, 'базу наставников'))
      .toMatchObject({ code: 'no-personal-data-consent', message: expect.stringContaining('отозвал согласие на обработку персональных данных 20.05.2025') });
  });

  it('given a registered person without consent, when the curator enters them in the mentee bank, then it is refused by this rule', () => {
    try {
      decideEnterMenteeBank({ personId: P, requests: ['Работа с родителями'] }, foldPerson([registered]), foldMentee([]), actors.curator());
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).refusal).toEqual(consentsToProcessing(foldPerson([registered])!, 'банк наставляемых'));
    }
  });
});
