import fc from 'fast-check';

/** The part of JSON Schema the OpenAPI document's request bodies use. */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Ids the generated bodies name: people, mentorships, surveys of the test's organisation; by field name where it tells what it names. */
export interface Known {
  ids: string[];
  byField: Record<string, string[]>;
}

/** Dates around the tests' today (2026-11-24) that a step might take. */
const PLAUSIBLE_DATES = ['2015-09-01', '2026-09-01', '2026-09-10', '2026-09-11', '2026-09-15', '2026-10-01', '2026-11-01', '2026-11-24', '2027-03-31', '2027-05-31'];
/** The edges of the window (1950-01-01 … today + 5 years) and what lies beyond and beside them. */
export const EXTREME_DATES = [
  '0000-01-01', '0001-01-01', '1900-01-01', '1949-12-31', '1950-01-01', '2031-11-24', '2031-11-25', '2099-12-31', '2100-01-01', '9999-12-31',
  '+010000-01-01', '-000001-01-01', '2026-02-30', '2026-13-01', '2026-11-24T00:00:00Z', '24.11.2026', '20261124', '',
];
const PLAUSIBLE_TEXT = ['Иванова Мария Петровна', 'Воспитатель', 'Приказ № 7-к', 'Согласие № 12', 'Адаптация молодого педагога', 'ФГОС ДО', 'A1'];
/** Text no one should be able to store: control and bidi characters, broken surrogates, invisible only, too long. */
export const HOSTILE_TEXT = [
  '', ' ', '\u0000', 'Иванова\u0000Мария', 'Иванова\u0007', 'Иванова\nМария', '\u202eяавонавИ', 'Иванова \u2066Мария\u2069', 'Иванова \ud800', '\udc00',
  '\u200b\u200b\u200b', '\u2060\ufeff\u00ad', '\u3164', 'Й'.normalize('NFD'), 'x'.repeat(20_001), 'я'.repeat(5_000), '<script>alert(1)</script>',
  "'; DROP TABLE events; --", '${jndi:ldap://127.0.0.1/a}', '{{7*7}}', '../../etc/passwd', '%00', 'null', 'NaN', '1e309', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
];
/** Values of the wrong type for any field. */
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, 1e308, true, false, [], {}, [null], { a: 1 }, ['a', 1]];

/** Placeholders replaced in the serialised body: what `JSON.stringify` cannot write. */
export const deepNesting = (depth: number) => `§DEEP:${depth}§`;
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
export function serialise(body: unknown): string {
  return JSON.stringify(body)
    .replace(/"§DEEP:(\d+)§"/g, (_, n) => '['.repeat(Number(n)) + ']'.repeat(Number(n)))
    .replace(/"§KEY:([\w]+)§"/g, (_, key) => JSON.stringify(key));
}

const isIdField = (name: string) => /Id$|Ids$|^agreedBy$/.test(name);

/** A value the schema accepts, or nearly: the same shape, plausible content, known ids (the mutations below bring the hostility). */
export function valueOf(schema: JsonSchema, known: Known, name = ''): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, known, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(props.map(([key, s]) => [key, valueOf(s, known, key)])),
        { requiredKeys: props.map(([key]) => key).filter((key) => required.has(key)) },
      );
    }
    case 'array': {
      const item = valueOf(schema.items ?? {}, known, name);
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.min(schema.maxItems ?? 3, Math.max(minLength, 3)) });
    }
    case 'string':
      if (schema.format === 'date') return fc.constantFrom(...PLAUSIBLE_DATES);
      if (schema.format === 'email') return fc.constantFrom('vospitatel@ds6.example', 'kurator@ds6.example');
      if (isIdField(name)) return fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...(known.byField[name] ?? known.ids)) }, { weight: 1, arbitrary: fc.uuid() });
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...PLAUSIBLE_TEXT) },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.min(schema.maxLength ?? 40, 40) }) },
      );
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Something no schema should accept, put in place of one value. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.constantFrom(...EXTREME_DATES),
  fc.constantFrom(...WRONG_TYPES),
  fc.integer({ min: 1, max: 40 }).map(deepNesting),
  // Deep enough to overflow a recursive walk (JSON.stringify) yet within a 100 KB body; and past any body limit.
  fc.constantFrom(deepNesting(30_000), deepNesting(100_000)),
  fc.jsonValue({ maxDepth: 3 }),
);

type Mutation = { kind: 'replace' | 'add' | 'drop' | 'proto'; pick: number; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'add', 'drop', 'proto'),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom('note', 'extra', 'isAdmin', 'orgId', 'role', 'roles', 'actor', 'id', ''), fc.string({ maxLength: 120 })),
  value: hostileValue,
}) as fc.Arbitrary<Mutation>;

/** Every container of the value with the path to it, so a mutation can land at any depth. */
function containers(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      found.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return found;
}

function mutate(body: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(body);
  for (const mutation of mutations) {
    // Constants are shared between runs: what goes in is a copy, so a later mutation cannot change (or loop) them.
    const m = { ...mutation, value: structuredClone(mutation.value) };
    const targets = containers(copy);
    if (!targets.length) return m.value;
    const target = targets[m.pick % targets.length];
    const keys = Object.keys(target);
    const key = keys.length ? keys[m.pick % keys.length] : m.key;
    if (m.kind === 'replace') target[key] = m.value;
    else if (m.kind === 'add') target[Array.isArray(target) ? String(keys.length) : m.key || 'x'] = m.value;
    else if (m.kind === 'drop') delete target[key];
    else if (!Array.isArray(target)) target[`§KEY:${PROTO_KEYS[m.pick % PROTO_KEYS.length]}§`] = { isAdmin: true, roles: ['admin'] };
  }
  return copy;
}

/** A whole body that is not the object the route expects. */
const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, [], '', 0, 'Иванова', [{}], deepNesting(50), deepNesting(30_000), deepNesting(100_000)),
  fc.jsonValue({ maxDepth: 4 }),
);

/**
 * Bodies for one route, as serialised JSON: valid-looking ones from its schema (the roles decide
 * whether they pass), the same with one to three hostile mutations at any depth (hostile text,
 * extreme dates, wrong types, deep nesting, extra and prototype-reaching fields, missing fields),
 * and bodies of the wrong shape altogether.
 */
export function bodiesFor(schema: JsonSchema | undefined, known: Known): fc.Arbitrary<string> {
  const valid = valueOf(schema ?? { type: 'object', properties: {} }, known);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([body, ms]) => mutate(body, ms)) },
    { weight: 1, arbitrary: hostileBody },
  ).map(serialise);
}

/**
 * What must never be stored, checked on the events accepted requests wrote (decrypted): text with
 * control characters other than line breaks and tabs, bidi controls, lone surrogates or nothing visible,
 * and dates outside 1950 … 2100. Written independently of the app's own checks.
 */
export function unstorable(data: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      const date = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}/.exec(v);
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(v)) found.push(`${path}: control or bidi character`);
      else if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v)) found.push(`${path}: lone surrogate`);
      else if (v !== '' && /^[\s\u200b-\u200d\u2060\ufeff\u00ad\u3164\u180e]+$/.test(v)) found.push(`${path}: nothing visible`);
      else if (date && (date[1].length !== 4 || date[1] < '1950' || date[1] > '2100')) found.push(`${path}: date ${v}`);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(data, '');
  return found;
}
