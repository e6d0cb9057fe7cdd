import type { z } from 'zod';
import { DomainError } from '#core/shared';
import { validationErrors, validationSummary } from './validation-messages';

/**
 * Validates a request body; a bad one is refused with every field's path, its Russian label and a message
 * built from the label and the field's bounds (`validation-messages.ts`), never zod's own words.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = validationErrors(schema, result.error, input);
  throw new DomainError({
    kind: 'invalid',
    code: 'invalid-body',
    message: validationSummary(schema, errors),
    details: { errors: errors.map(({ requirement: _requirement, ...e }) => e) },
  });
}
