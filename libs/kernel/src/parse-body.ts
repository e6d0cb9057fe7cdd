import { z } from 'zod';
import { DomainError, latestBusinessDate, YEARS_AHEAD, type BusinessDate } from '#core/shared';

interface Issue {
  path: string;
  message: string;
  code: string;
}

const invalidBody = (issues: Issue[]) =>
  new DomainError({
    kind: 'invalid',
    code: 'invalid-body',
    message: 'Запрос заполнен неверно: ' + issues.map((i) => `${i.path || 'тело'} — ${i.message}`).join('; '),
    details: { errors: issues },
  });

/**
 * Validates a request body; a bad one is refused with every field path and a Russian message.
 * Given the organisation's `today`, a date field (`format: date` in the schema) later than five
 * years ahead is refused too: the schema's fixed window cannot know today.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, bounds?: { today: BusinessDate }): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw invalidBody(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })));
  if (bounds) {
    const latest = latestBusinessDate(bounds.today);
    const late = datesAfter(jsonSchemaOf(schema), result.data, latest, '');
    if (late.length) {
      throw invalidBody(late.map((path) => ({ path, code: 'date-too-late', message: `Дата позже ${latest}: допустимы даты не дальше ${YEARS_AHEAD} лет вперёд` })));
    }
  }
  return result.data;
}

type JsonSchema = { format?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();
/** The body's JSON Schema, as the OpenAPI document shows it; built once per schema. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
    jsonSchemas.set(schema, json);
  }
  return json;
}

/** Paths of the date fields of `value` later than `latest`, found by walking the value along its schema. */
function datesAfter(schema: JsonSchema, value: unknown, latest: BusinessDate, path: string): string[] {
  const late: string[] = [];
  if (schema.format === 'date' && typeof value === 'string' && value > latest) late.push(path);
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    late.push(...datesAfter(alternative, value, latest, path));
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => late.push(...datesAfter(schema.items!, item, latest, path ? `${path}.${i}` : String(i))));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const [key, field] of Object.entries(schema.properties)) {
      if (key in value) late.push(...datesAfter(field, (value as Record<string, unknown>)[key], latest, path ? `${path}.${key}` : key));
    }
  }
  return [...new Set(late)];
}
