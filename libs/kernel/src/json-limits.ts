import { DomainError } from '#core/shared';

/**
 * What a JSON body may hold, checked before anything else reads it (hashing for idempotency,
 * validation, logging): far above what any schema accepts (the deepest valid body is 3 levels,
 * the longest text 20,000 characters, the largest a program of 200 activities, about 220 KB).
 */
export const JSON_LIMITS = {
  /** Bytes of a JSON (or form) body; larger ones are refused by the body parser with 413. */
  bodyBytes: 256 * 1024,
  /** Objects and arrays nested in one another. */
  depth: 8,
  /** Characters (UTF-16 units) of one string value. */
  stringLength: 20_000,
  /** Characters of one field name. */
  keyLength: 100,
} as const;

/** Names that reach an object's prototype when code copies them with assignment; no schema has such a field. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const refusal = (code: string, message: string, path: string) =>
  new DomainError({ kind: 'invalid', code, message, details: { errors: [{ path, message, code }] } });

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Refuses a parsed JSON body nested too deep, with a string or a field name too long, or with a
 * prototype-reaching field name. Iterative, so no body can exhaust the stack while it is checked.
 */
export function checkJsonLimits(body: unknown): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > JSON_LIMITS.stringLength) {
        throw refusal('string-too-long', `Строка длиннее ${JSON_LIMITS.stringLength} символов (поле «${path || 'тело'}»).`, path);
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= JSON_LIMITS.depth) throw refusal('body-too-deep', `Тело запроса вложено глубже ${JSON_LIMITS.depth} уровней.`, path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: at(path, i) }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key.length > JSON_LIMITS.keyLength) {
        throw refusal('field-name-too-long', `Имя поля длиннее ${JSON_LIMITS.keyLength} символов.`, path);
      }
      if (FORBIDDEN_KEYS.has(key)) throw refusal('forbidden-field', `Поле «${key}» недопустимо.`, at(path, key));
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: at(path, key) });
    }
  }
}
