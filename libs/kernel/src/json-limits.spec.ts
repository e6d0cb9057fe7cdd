import { DomainError } from '#core/shared';
import { checkJsonLimits, JSON_LIMITS } from './json-limits';

const codeOf = (body: unknown) => {
  try {
    checkJsonLimits(body);
    return null;
  } catch (e) {
    return (e as DomainError).refusal.code;
  }
};
const nest = (depth: number): unknown => (depth === 0 ? 'x' : { a: [nest(depth - 1)] });

describe('JSON limits', () => {
  it('accept the deepest and longest bodies the schemas take', () => {
    expect(codeOf({ activities: [{ kind: 'theory', title: 'я'.repeat(500), due: '2026-12-01' }] })).toBeNull();
    expect(codeOf({ text: 'я'.repeat(JSON_LIMITS.stringLength), answers: { q1: ['a', 'b'] } })).toBeNull();
    expect(codeOf(JSON.parse(`${'['.repeat(JSON_LIMITS.depth)}${']'.repeat(JSON_LIMITS.depth)}`))).toBeNull();
    expect(codeOf(undefined)).toBeNull();
  });

  it('refuse nesting past the limit, however deep, without exhausting the stack', () => {
    expect(codeOf(JSON.parse(`${'['.repeat(JSON_LIMITS.depth + 1)}${']'.repeat(JSON_LIMITS.depth + 1)}`))).toBe('body-too-deep');
    expect(codeOf(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))).toBe('body-too-deep');
    expect(codeOf(nest(5))).toBe('body-too-deep');
  });

  it('refuse a long string or field name, naming where', () => {
    const e = (() => {
      try {
        checkJsonLimits({ activities: [{ title: 'я'.repeat(JSON_LIMITS.stringLength + 1) }] });
      } catch (x) {
        return x as DomainError;
      }
    })();
    expect(e?.refusal).toMatchObject({ code: 'string-too-long', kind: 'invalid', details: { errors: [{ path: 'activities.0.title' }] } });
    expect(codeOf({ ['k'.repeat(JSON_LIMITS.keyLength + 1)]: 1 })).toBe('field-name-too-long');
  });

  it('refuse prototype-reaching names at any depth', () => {
    expect(codeOf(JSON.parse('{"__proto__":{"admin":true}}'))).toBe('forbidden-field');
    expect(codeOf({ a: [{ constructor: { prototype: {} } }] })).toBe('forbidden-field');
  });
});
