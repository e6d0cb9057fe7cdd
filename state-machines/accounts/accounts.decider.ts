import type { Actor } from '../people/roles';
import { DomainError } from '../shared/domain-error';
import type { CreateUserBody } from './accounts.commands';
import type { UserCreated } from './accounts.events';

export type AccountEvent = { type: 'UserCreated'; data: UserCreated };

/** The staff member an account names, as the shell found them in the caller's organisation. */
export interface AccountPerson {
  /** Registered in the caller's organisation: someone of another organisation does not exist here. */
  exists: boolean;
  /** Their personal data was destroyed (the key is gone). */
  erased: boolean;
  /** They withdrew their consent to the processing of personal data. */
  consentWithdrawn: boolean;
}

/** What the shell chose for a new account: its id, the hash of the token it shows once, and the person it names. */
export interface NewAccountEnv {
  actor: Actor;
  userId: string;
  tokenHash: string;
  /** Present when the body names a `personId`. */
  person?: AccountPerson;
}

const PD_CLAUSE = '152-ФЗ, ст. 9 и 21';

/** An account may name only a staff member of the caller's organisation whose data may still be processed. */
function checkPerson(personId: string, person: AccountPerson | undefined): void {
  if (!person?.exists) {
    throw new DomainError({ kind: 'not-found', code: 'person-not-found', message: `Сотрудник ${personId} не найден.` });
  }
  if (person.erased) {
    throw new DomainError({ kind: 'state', code: 'personal-data-destroyed', clause: PD_CLAUSE, message: 'Персональные данные сотрудника уничтожены: учётную запись для него не создать.' });
  }
  if (person.consentWithdrawn) {
    throw new DomainError({
      kind: 'state', code: 'personal-data-consent-withdrawn', clause: PD_CLAUSE,
      message: 'Сотрудник отозвал согласие на обработку персональных данных: учётную запись для него не создать.',
    });
  }
}

/** An account is made by the organisation's administrator; a mentor or mentee account names the staff member it is, of the same organisation. */
export function decideCreateAccount(body: CreateUserBody, env: NewAccountEnv): AccountEvent[] {
  if (!env.actor.roles.includes('admin')) {
    throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message: 'Пользователей создаёт администратор.' });
  }
  if (body.roles.some((r) => r === 'mentor' || r === 'mentee') && !body.personId) {
    throw new DomainError({ kind: 'invalid', code: 'person-required', message: 'Наставнику и наставляемому нужен personId — сотрудник, которым он является.' });
  }
  if (body.personId) checkPerson(body.personId, env.person);
  return [{
    type: 'UserCreated',
    data: {
      userId: env.userId, orgId: env.actor.orgId, name: body.name, roles: body.roles, personId: body.personId, tokenHash: env.tokenHash,
      ...(body.email ? { email: body.email } : {}),
    },
  }];
}
