import { z } from 'zod';
import { role } from '#core/people';

/** Stream `user-<id>`: an account with its roles; the token itself is never stored, only its hash. */
export const userCreated = z.object({
  userId: z.string(),
  orgId: z.string(),
  name: z.string(),
  roles: z.array(role).min(1),
  personId: z.string().optional(),
  tokenHash: z.string(),
  /** Where reminders go; personal data (encrypted with the person's name, erased with it). */
  email: z.string().optional(),
});
export type UserCreated = z.infer<typeof userCreated>;

export const createUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('Имя пользователя'),
  roles: z.array(role).min(1).max(7).describe('Роли'),
  personId: z.string().min(1).max(100).optional().describe('Сотрудник (для наставника и наставляемого)'),
  email: z.email().max(254).optional().describe('Эл. почта для напоминаний о сроках'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;
