import type { Actor } from '../people/roles';
import { DomainError, refuse } from '../shared/domain-error';
import type { AccountCommand, CreateUserBody } from './accounts.commands';
import type { AccountEvent, DisableReason, UserCreated } from './accounts.events';
import type { AccountState } from './accounts.state';
import { personalDataMayBeProcessed } from './rules/personal-data-processing.rule';

/** The staff member an account names, as the shell found them in the caller's organisation. */
export interface AccountPerson {
  /** Registered in the caller's organisation: someone of another organisation does not exist here. */
  exists: boolean;
  /** Why their data may not be processed any more (consent withdrawn, data destroyed), or null. */
  stops: DisableReason | null;
}

/** What the shell chose for a new account: its id, the hash of the token it shows once, now (ISO, the app's clock), and the person it names. */
export interface NewAccountEnv {
  actor: Actor;
  userId: string;
  tokenHash: string;
  now: string;
  /** Present when the body names a `personId`. */
  person?: AccountPerson;
}

/** Accounts are the organisation administrator's (DESIGN.md, «Роли»). */
export const mayManageAccounts = (actor: Actor): boolean => actor.roles.includes('admin');

export function authorizeAccounts(actor: Actor): void {
  if (!mayManageAccounts(actor)) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', message: 'Учётными записями управляет администратор организации.' });
  }
}

/**
 * An account is made by the organisation's administrator; a mentor or mentee account names the staff member
 * it is: one of the same organisation whose data may still be processed (the rule that also keeps a stopped account stopped).
 */
export function decideCreateAccount(body: CreateUserBody, env: NewAccountEnv): { type: 'UserCreated'; data: UserCreated }[] {
  if (!mayManageAccounts(env.actor)) {
    throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message: 'Пользователей создаёт администратор.' });
  }
  if (body.roles.some((r) => r === 'mentor' || r === 'mentee') && !body.personId) {
    throw new DomainError({
      kind: 'invalid', code: 'person-required',
      message: 'Для роли наставника или наставляемого укажите сотрудника, которым является пользователь: он будет видеть свои наставничества.',
      details: { fields: ['personId'] },
    });
  }
  if (body.personId) {
    if (!env.person?.exists) refuse({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' });
    const violation = personalDataMayBeProcessed(env.person!.stops, 'Создать учётную запись для этого сотрудника');
    if (violation) refuse({ kind: 'rule', ...violation });
  }
  return [{
    type: 'UserCreated',
    data: {
      userId: env.userId, orgId: env.actor.orgId, name: body.name, roles: body.roles, personId: body.personId, tokenHash: env.tokenHash,
      ...(body.email ? { email: body.email } : {}),
      issuedAt: env.now,
    },
  }];
}

/**
 * What a command on an existing account is decided with: who acts, now (ISO, the app's clock), and
 * why the person the account names stops it (`personStopsAccount` of their stream), if they do.
 */
export interface AccountEnv {
  actor: Actor;
  now: string;
  personStops: DisableReason | null;
}

/** Another organisation's account does not exist here (404: its existence stays hidden). */
function requireOwnAccount(state: AccountState | undefined, actor: Actor): AccountState {
  if (!state || state.orgId !== actor.orgId) return refuse({ kind: 'not-found', code: 'account-not-found', message: 'Пользователь не найден.' });
  return state;
}

function requirePersonalDataProcessing(env: AccountEnv, what: string): void {
  const violation = personalDataMayBeProcessed(env.personStops, what);
  if (violation) refuse({ kind: 'rule', ...violation });
}

export function decideAccountCommand(command: AccountCommand, state: AccountState | undefined, env: AccountEnv): AccountEvent[] {
  if (command.type === 'DisableForPerson') return decideDisableForPerson(command.reason, state, env.now);
  authorizeAccounts(env.actor);
  const account = requireOwnAccount(state, env.actor);
  const userId = account.userId;
  switch (command.type) {
    case 'DisableAccount':
      if (account.disabled) refuse({ kind: 'state', code: 'account-already-disabled', message: 'Учётная запись уже отключена.' });
      if (userId === env.actor.userId) {
        refuse({ kind: 'rule', code: 'own-account', message: 'Свою учётную запись отключить нельзя: организация может остаться без администратора.' });
      }
      return [{ type: 'AccountDisabled', data: { userId, reason: 'by-admin', at: env.now } }];
    case 'EnableAccount':
      if (!account.disabled) refuse({ kind: 'state', code: 'account-not-disabled', message: 'Учётная запись не отключена: включать нечего.' });
      requirePersonalDataProcessing(env, 'Включить учётную запись');
      return [{ type: 'AccountEnabled', data: { userId, at: env.now } }];
    case 'RotateToken':
      if (account.disabled) refuse({ kind: 'state', code: 'account-disabled', message: 'Учётная запись отключена: сначала включите её, затем выдайте новый токен.' });
      requirePersonalDataProcessing(env, 'Выдать новый токен');
      return [{ type: 'TokenRotated', data: { userId, tokenHash: command.tokenHash, issuedAt: env.now } }];
  }
}

/**
 * The app's reaction to a withdrawal of consent or a destruction of data: the account stops. Nothing to
 * write when it is already disabled (for any reason), so the reaction may run any number of times.
 */
function decideDisableForPerson(reason: Exclude<DisableReason, 'by-admin'>, state: AccountState | undefined, now: string): AccountEvent[] {
  if (!state) return refuse({ kind: 'not-found', code: 'account-not-found', message: 'Пользователь не найден.' });
  if (state.disabled) return [];
  return [{ type: 'AccountDisabled', data: { userId: state.userId, reason, at: now } }];
}
