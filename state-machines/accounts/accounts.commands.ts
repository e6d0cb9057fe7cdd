import { z } from 'zod';
import { role } from '../people/roles';

export const createUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('Имя пользователя'),
  roles: z.array(role).min(1).max(7).describe('Роли'),
  personId: z.string().min(1).max(100).optional().describe('Сотрудник (для наставника и наставляемого)'),
  email: z.email().max(254).optional().describe('Эл. почта для напоминаний о сроках'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;
