import fc from 'fast-check';
import { STEP_BODIES, ACTIVITY_KINDS, COMPLETION_REASONS, REPLACEMENT_REASONS } from '#core/mentorship';

export type Step = keyof typeof STEP_BODIES;
export const STEPS = Object.keys(STEP_BODIES) as Step[];

const FIELDS = [
  'date', 'personId', 'given', 'documentRef', 'number', 'activities', 'kind', 'title', 'due', 'activityId', 'agreedBy', 'plannedEnd',
  'reason', 'note', 'text', 'recommendations', 'mentorEvaluation', 'newMentorId', 'newMentorConsentRef', 'orderNumber', 'summary',
  'mentorId', 'menteeIds', 'form', 'topic', 'plannedStart', 'fullName', 'position', 'firstWorkingDay', 'competences', 'requests',
  'name', 'roles', '__proto__', 'constructor', 'prototype', 'toString', '',
];

const nasty = fc.constantFrom(
  '', ' ', '\u0000', '\u202e', '2026-02-30', '9999-99-99', '2026-09-11', '2026-11-25', '0000-00-00', '<script>alert(1)</script>',
  "'; DROP TABLE events; --", '../../etc/passwd', 'A1', '%00', '${jndi:ldap://127.0.0.1/a}', '{{7*7}}', 'NaN', '-1', '1e309', 'x'.repeat(25_000),
  'Иванова Мария Петровна', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'curator', 'admin', 'plan-fulfilled', 'traditional',
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), nasty);

/** Any JSON-ish value, biased towards the shapes and names the API reads. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...ACTIVITY_KINDS, ...COMPLETION_REASONS, ...REPLACEMENT_REASONS),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('v'), { maxKeys: 5 }),
  ),
})).v;

const objectBody = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });

/** Raw request bodies: near-miss objects, any JSON, broken JSON, binary, oversized. */
export const body = fc.oneof(
  { weight: 5, arbitrary: objectBody.map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{', '{"a":', '[]]', 'null', '""', '0', '{"date":"2026-09-11"}}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}',
      `{"note":"${'я'.repeat(200_000)}"}`, '\uFEFF{}', '{"date":"2026-09-11","date":"2026-09-12"}',
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)) },
);

/** Header values Node's client can carry: printable Latin-1, including the quotes and spaces that break parsers. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f && (c < 0x80 || c >= 0xa0)).map((c) => String.fromCharCode(c)),
  maxLength: 250,
});

export const contentType = fc.constantFrom(
  undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/merge-patch+json', '*/*', 'application/json;;;', 'text/json',
);

export const optionalHeader = (specials: string[]) => fc.option(fc.oneof(headerText, fc.constantFrom(...specials)), { nil: undefined });

export const ifMatch = optionalHeader(['"0"', '"1"', 'W/"1"', '*', '"-1"', '"99999999999999999999"', '0', '""']);
export const idempotencyKey = optionalHeader(['k-1', 'k-1', ' ', 'a'.repeat(201)]);
export const requestId = optionalHeader(['x'.repeat(101), 'ok-id', '../../x']);

export const method = fc.constantFrom('POST', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'GET');

export const pathSegment = (known: string[]) =>
  fc.oneof(fc.constantFrom(...known), fc.uuid(), fc.string().map(encodeURIComponent), fc.constantFrom('..', '%2e%2e', '%00', 'null', '%D0%AF', 'a'.repeat(300)));
