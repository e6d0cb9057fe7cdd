import { z } from 'zod';
import { DomainError, businessDateInput } from '#core/shared';
import { STEP_BODIES, proposeBody } from '#core/mentorship';
import { parseBody } from './parse-body';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).refusal;
  }
  throw new Error('accepted');
};

describe('parseBody', () => {
  const today = { today: '2026-11-24' };
  const proposal = { mentorId: 'm', menteeIds: ['n'], form: 'traditional', topic: 'Адаптация', plannedStart: '2026-12-01', plannedEnd: '2027-05-31', date: '2026-11-24' };

  it('refuses every invalid field with its path, in Russian', () => {
    expect(refusal(() => parseBody(proposeBody, { ...proposal, topic: '', extra: 1 }))).toMatchObject({
      kind: 'invalid', code: 'invalid-body', details: { errors: [expect.objectContaining({ path: 'topic' }), expect.objectContaining({ path: '' })] },
    });
  });

  it('given today, refuses a date field later than five years ahead, wherever it sits in the body', () => {
    expect(parseBody(proposeBody, { ...proposal, plannedEnd: '2031-11-24' }, today).plannedEnd).toBe('2031-11-24');
    expect(refusal(() => parseBody(proposeBody, { ...proposal, plannedStart: '2031-11-25', plannedEnd: '2032-01-01' }, today))).toMatchObject({
      code: 'invalid-body',
      details: { errors: [{ path: 'plannedStart', code: 'date-too-late', message: expect.stringContaining('24.11.2031') }, expect.objectContaining({ path: 'plannedEnd' })] },
    });
    const program = { date: '2026-11-24', activities: [{ kind: 'theory', title: 'Теория', due: '2027-01-01' }, { kind: 'theory', title: 'Ещё', due: '2040-01-01' }] };
    expect(refusal(() => parseBody(STEP_BODIES.program, program, today)).details).toEqual({ errors: [expect.objectContaining({ path: 'activities.1.due' })] });
    // Without today (a query), only the schema's fixed window holds.
    expect(parseBody(STEP_BODIES.program, program).activities[1].due).toBe('2040-01-01');
  });

  it('looks into optional and union fields, and leaves non-date strings alone', () => {
    const schema = z.strictObject({ when: businessDateInput.optional(), either: z.union([businessDateInput, z.number()]), ref: z.string() });
    expect(parseBody(schema, { either: 3, ref: '2090-01-01' }, today)).toEqual({ either: 3, ref: '2090-01-01' });
    expect(refusal(() => parseBody(schema, { when: '2090-01-01', either: '2090-01-01', ref: 'x' }, today)).details)
      .toEqual({ errors: [expect.objectContaining({ path: 'when' }), expect.objectContaining({ path: 'either' })] });
  });
});
