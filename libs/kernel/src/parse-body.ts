import type { z } from 'zod';
import { DomainError, latestBusinessDate, type BusinessDate } from '#core/shared';
import { jsonSchemaOf, lateDateErrors, validationErrors, validationSummary, type FieldError, type JsonSchemaNode } from './validation-messages';

const invalidBody = (schema: z.ZodType, errors: FieldError[]) =>
  new DomainError({
    kind: 'invalid',
    code: 'invalid-body',
    message: validationSummary(schema, errors),
    details: { errors: errors.map(({ requirement: _requirement, ...e }) => e) },
  });

/**
 * Validates a request body; a bad one is refused with every field's path, its Russian label and a message
 * built from the label and the field's bounds (`validation-messages.ts`), never zod's own words.
 * Given the organisation's `today`, a date field (`format: date` in the schema) later than five
 * years ahead is refused too (`date-too-late`): the schema's fixed window cannot know today.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, bounds?: { today: BusinessDate }): z.infer<S> {
  const input = body ?? {};
  const result = schema.safeParse(input);
  if (!result.success) throw invalidBody(schema, validationErrors(schema, result.error, input));
  if (bounds) {
    const latest = latestBusinessDate(bounds.today);
    const late = datesAfter(jsonSchemaOf(schema), result.data, latest, []);
    if (late.length) throw invalidBody(schema, lateDateErrors(schema, late, latest));
  }
  return result.data;
}

/** Paths of the date fields of `value` later than `latest`, found by walking the value along its schema. */
function datesAfter(schema: JsonSchemaNode, value: unknown, latest: BusinessDate, path: (string | number)[]): (string | number)[][] {
  const late: (string | number)[][] = [];
  if (schema.format === 'date' && typeof value === 'string' && value > latest) late.push(path);
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    late.push(...datesAfter(alternative, value, latest, path));
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => late.push(...datesAfter(schema.items!, item, latest, [...path, i])));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const [key, field] of Object.entries(schema.properties)) {
      if (key in value) late.push(...datesAfter(field, (value as Record<string, unknown>)[key], latest, [...path, key]));
    }
  }
  const seen = new Set<string>();
  return late.filter((p) => !seen.has(p.join('.')) && !!seen.add(p.join('.')));
}
