import { addDays, addMonths, businessDate, businessDateOf, daysBetween, fromRussianDate, isBusinessDate, maxDate, ruDate } from './business-date';

describe('business dates', () => {
  it('accept only real calendar days in YYYY-MM-DD', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    expect(isBusinessDate('2023-02-29')).toBe(false);
    expect(isBusinessDate('2024-9-1')).toBe(false);
    expect(businessDate.safeParse('2024-13-01').success).toBe(false);
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
});
