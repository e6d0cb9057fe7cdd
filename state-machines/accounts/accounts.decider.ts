import type { Actor } from '../people/roles';
import { DomainError } from '../shared/domain-error';
import type { CreateUserBody } from './accounts.commands';
import type { UserCreated } from './accounts.events';

export type AccountEvent = { type: 'UserCreated'; data: UserCreated };

/** What the shell chose for a new account: its id, the hash of the token it shows once. */
export interface NewAccountEnv {
  actor: Actor;
  userId: string;
  tokenHash: string;
}

/** An account is made by the organisation's administrator; a mentor or mentee account names the staff member it is. */
export function decideCreateAccount(body: CreateUserBody, env: NewAccountEnv): AccountEvent[] {
  if (!env.actor.roles.includes('admin')) {
    throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message: 'Пользователей создаёт администратор.' });
  }
  if (body.roles.some((r) => r === 'mentor' || r === 'mentee') && !body.personId) {
    throw new DomainError({ kind: 'invalid', code: 'person-required', message: 'Наставнику и наставляемому нужен personId — сотрудник, которым он является.' });
  }
  return [{
    type: 'UserCreated',
    data: {
      userId: env.userId, orgId: env.actor.orgId, name: body.name, roles: body.roles, personId: body.personId, tokenHash: env.tokenHash,
      ...(body.email ? { email: body.email } : {}),
    },
  }];
}
