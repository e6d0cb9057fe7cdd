import type { z } from 'zod';
import { DomainError } from '#core/shared';

/** Validates a request body; a bad one is refused with every field path and a Russian message. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new DomainError({
    kind: 'invalid',
    code: 'invalid-body',
    message: 'Запрос заполнен неверно: ' + result.error.issues.map((i) => `${i.path.join('.') || 'тело'} — ${i.message}`).join('; '),
    details: { errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })) },
  });
}
