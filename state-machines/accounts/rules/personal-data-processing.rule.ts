import type { Violation } from '../../shared/domain-error';
import type { PersonState } from '../../people/people.state';
import type { DisableReason } from '../accounts.events';

/** 152-ФЗ, ст. 21 ч. 5: once consent is withdrawn the operator stops processing; destroyed data is never processed again. */
export const PERSONAL_DATA_CLAUSE = '152-ФЗ, ст. 21 ч. 5';

/**
 * Why the person an account names stops it from working: consent withdrawn (and not given again) or
 * data destroyed. `null`: the account may work. An account of no one in particular is never stopped here.
 */
export function personStopsAccount(person: Pick<PersonState, 'consentWithdrawn' | 'personalDataDestroyed'> | undefined): DisableReason | null {
  if (person?.personalDataDestroyed) return 'personal-data-destroyed';
  if (person?.consentWithdrawn) return 'consent-withdrawn';
  return null;
}

const WHY: Record<Exclude<DisableReason, 'by-admin'>, string> = {
  'consent-withdrawn': 'сотрудник отозвал согласие на обработку персональных данных',
  'personal-data-destroyed': 'персональные данные сотрудника уничтожены',
};

/** An account whose person stops it may not be enabled again nor given a new token. `null`: it may. */
export function personalDataMayBeProcessed(stoppedBy: DisableReason | null, what: string): Violation | null {
  if (stoppedBy === null || stoppedBy === 'by-admin') return null;
  return {
    kind: 'rule',
    code: stoppedBy === 'consent-withdrawn' ? 'person-consent-withdrawn' : 'person-data-destroyed',
    clause: PERSONAL_DATA_CLAUSE,
    message: `${what} нельзя: ${WHY[stoppedBy]}.`,
  };
}
