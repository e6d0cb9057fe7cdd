import { ruDate } from '../../shared/business-date';
import type { Violation } from '../../shared/domain-error';
import { hasPersonalDataConsent, type PersonState } from '../people.state';

/**
 * Roadmap stages 2–3: a person enters a bank only with a written consent to the processing of
 * their personal data, given and not withdrawn. `bank` names the bank in the refusal.
 */
export function consentsToProcessing(person: PersonState, bank: string): Violation | null {
  if (hasPersonalDataConsent(person)) return null;
  return {
    kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3',
    message: person.consentWithdrawn
      ? `Сотрудник отозвал согласие на обработку персональных данных ${ruDate(person.consentWithdrawn.date)}: внести в ${bank} нельзя.`
      : `Внести в ${bank} можно только сотрудника, давшего согласие на обработку персональных данных.`,
  };
}
