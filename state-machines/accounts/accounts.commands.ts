import { z } from 'zod';
import { role } from '../people/roles';
import { readableText } from '../shared/readable-text';
import type { DisableReason } from './accounts.events';

export const createUserBody = z.strictObject({
  name: readableText(200).describe('Имя пользователя'),
  roles: z.array(role.describe('Роль')).min(1).max(7).describe('Роли'),
  personId: z.string().min(1).max(100).optional().describe('Сотрудник (обязательно для наставника и наставляемого)'),
  email: z.email().max(254).optional().describe('Адрес эл. почты для напоминаний о сроках'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** Disable, enable and rotate carry nothing but the account in the path: any field sent is a mistake. */
export const accountActionBody = z.strictObject({});

/**
 * What may happen to an existing account: the administrator's three commands, and the reaction of the
 * app when the person the account names may no longer be processed.
 */
export type AccountCommand =
  | { type: 'DisableAccount' }
  | { type: 'EnableAccount' }
  | { type: 'RotateToken'; tokenHash: string }
  | { type: 'DisableForPerson'; reason: Exclude<DisableReason, 'by-admin'> };
