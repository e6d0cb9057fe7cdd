import type { Refusal } from '../shared/domain-error';
import type { DisableReason } from './accounts.events';
import type { AccountState } from './accounts.state';
import { tokenExpired, type TokenTtlDays } from './token-expiry';

const DISABLED: Record<DisableReason, string> = {
  'by-admin': 'Учётная запись отключена администратором. Обратитесь к администратору организации.',
  'consent-withdrawn': 'Учётная запись отключена: сотрудник отозвал согласие на обработку персональных данных.',
  'personal-data-destroyed': 'Учётная запись отключена: персональные данные сотрудника уничтожены.',
};

/**
 * Whether a token that hashes to `tokenHash` lets its account in now: `null` when it does, else why not
 * (401). Disabled (by the account's stream or by its person), replaced by a newer token, or expired.
 */
export function tokenRefusal(
  account: AccountState,
  check: { tokenHash: string; now: string; ttlDays: TokenTtlDays; personStops: DisableReason | null },
): Refusal | null {
  const disabled = account.disabled?.reason ?? check.personStops;
  if (disabled) return { kind: 'unauthenticated', code: 'account-disabled', message: DISABLED[disabled] };
  if (account.tokenHash !== check.tokenHash) {
    return { kind: 'unauthenticated', code: 'token-revoked', message: 'Этот токен больше не действует: администратор выдал новый. Попросите новый токен у администратора.' };
  }
  if (tokenExpired(account.tokenIssuedAt, check.ttlDays, check.now)) {
    return { kind: 'unauthenticated', code: 'token-expired', message: 'Срок действия токена истёк. Попросите администратора выдать новый токен.' };
  }
  return null;
}
