import fc from 'fast-check';
import {
  addDays, addMonths, businessDate, businessDateInput, businessDateOf, daysBetween, fromRussianDate, isBusinessDate, latestBusinessDate, maxDate, ruDate,
} from './business-date';

describe('business dates', () => {
  it('accept only real calendar days in YYYY-MM-DD', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    expect(isBusinessDate('2023-02-29')).toBe(false);
    expect(isBusinessDate('2024-9-1')).toBe(false);
    expect(businessDate.safeParse('2024-13-01').success).toBe(false);
  });

  it('are exactly the days JavaScript\'s calendar has, over all years 0000–9999', () => {
    const byDate = (v: string) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const text = fc.tuple(fc.nat(9999), fc.nat(99), fc.nat(99)).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(text, (v) => isBusinessDate(v) === byDate(v)), { seed: 20261205, numRuns: 20_000 });
    for (const v of ['1900-02-29', '2000-02-29', '2100-02-28', '2100-02-29', '2026-04-31', '2026-12-31', '2026-00-10', '2026-01-00']) {
      expect([v, isBusinessDate(v)]).toEqual([v, byDate(v)]);
    }
  });

  it('add days and calendar months (clamped to the month\'s end)', () => {
    expect(addDays('2024-09-02', 30)).toBe('2024-10-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-09-10', 12)).toBe('2025-09-10');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });

  it('count whole days and pick the later date', () => {
    expect(daysBetween('2024-10-02', '2024-10-20')).toBe(18);
    expect(daysBetween('2024-10-20', '2024-10-02')).toBe(-18);
    expect(maxDate('2024-10-02', '2024-09-30')).toBe('2024-10-02');
  });

  it('take "today" of an instant in the organisation\'s zone', () => {
    const instant = new Date('2024-09-01T22:30:00Z');
    expect(businessDateOf(instant, 'Europe/Moscow')).toBe('2024-09-02');
    expect(businessDateOf(instant, 'UTC')).toBe('2024-09-01');
  });

  it('take a date typed as ДД.ММ.ГГГГ and keep it as ГГГГ-ММ-ДД', () => {
    expect(businessDate.parse('07.12.2026')).toBe('2026-12-07');
    expect(businessDate.parse('1.9.2024')).toBe('2024-09-01');
    expect(businessDate.parse(' 2024-09-01 ')).toBe('2024-09-01');
    expect(businessDate.safeParse('31.02.2026').success).toBe(false);
    expect(fromRussianDate('2024/09/01')).toBe('2024/09/01');
  });

  it('write a date in a Russian sentence as ДД.ММ.ГГГГ', () => {
    expect(ruDate('2026-12-07')).toBe('07.12.2026');
    expect(ruDate('2027-01-07T10:00:00Z')).toBe('07.01.2027');
    expect(ruDate('не дата')).toBe('не дата');
  });

  it('in a request, lie between 1950-01-01 and 2099-12-31; the upper bound that moves is five years from today', () => {
    for (const d of ['1950-01-01', '2026-11-24', '2099-12-31']) expect(businessDateInput.safeParse(d).success).toBe(true);
    for (const d of ['0000-01-01', '1900-01-01', '1949-12-31', '2100-01-01', '9999-12-31']) expect(businessDateInput.safeParse(d).success).toBe(false);
    // A malformed date is refused once, for its format.
    expect(businessDateInput.safeParse('9999-99-99').error?.issues).toHaveLength(1);
    expect(latestBusinessDate('2026-11-24')).toBe('2031-11-24');
    expect(latestBusinessDate('2028-02-29')).toBe('2033-02-28');
    // Typed as a person writes it, the window holds the same way.
    expect(businessDateInput.parse('01.01.1950')).toBe('1950-01-01');
    expect(businessDateInput.safeParse('31.12.1949').success).toBe(false);
  });
});
