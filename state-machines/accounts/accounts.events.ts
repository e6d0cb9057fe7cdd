import { z } from 'zod';
import { role } from '../people/roles';

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
