import { MAX_MONTHS, MIN_MONTHS, plannedDurationWithinLimits } from './planned-duration.rule';

describe('plannedDurationWithinLimits (§3.7: one month to one year)', () => {
  it('uses one and twelve months', () => expect([MIN_MONTHS, MAX_MONTHS]).toEqual([1, 12]));

  it.each([
    ['2024-09-10', '2024-10-10'], ['2024-09-10', '2025-09-10'], ['2024-09-10', '2025-01-15'],
    ['2024-01-31', '2024-02-29'], // a month from the 31st is the last day of February
  ])('holds from %s to %s', (start, end) => {
    expect(plannedDurationWithinLimits(start, end)).toBeNull();
  });

  it.each([
    ['2024-09-10', '2024-10-09'], ['2024-09-10', '2025-09-11'], ['2024-09-10', '2024-09-10'], ['2024-09-10', '2024-08-01'],
    ['2024-01-31', '2024-02-28'],
  ])('refuses %s to %s', (start, end) => {
    expect(plannedDurationWithinLimits(start, end)).toMatchObject({ kind: 'rule', code: 'planned-duration-out-of-range', clause: '§3.7', details: { plannedStart: start, plannedEnd: end } });
  });
});
