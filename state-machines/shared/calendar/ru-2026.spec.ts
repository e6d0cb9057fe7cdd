import { addDays } from '../business-date';
import { addWorkingDays, isWorkingDay } from './production-calendar';
import { RU_2026 } from './ru-2026';

/** Working days of each month of a shipped year, January first (for the specs against the published calendar). */
function workingDaysByMonth(year: number): number[] {
  const out = Array.from({ length: 12 }, () => 0);
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    if (isWorkingDay(d) === true) out[Number(d.slice(5, 7)) - 1]++;
  }
  return out;
}

/** 2026 as Постановление Правительства РФ от 24.09.2025 № 1466 and the published production calendar have it. */
describe('production calendar 2026', () => {
  it('cites its decree', () => expect(RU_2026.source).toContain('от 24.09.2025 № 1466'));

  it('has the published working days per month, 247 in the year', () => {
    const months = workingDaysByMonth(2026);
    expect(months).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(247);
  });

  it('lists only weekdays as days off, and has no working weekend days', () => {
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const d of RU_2026.nonWorkingWeekdays) expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    expect(RU_2026.workingWeekends).toEqual([]);
  });

  it.each([
    ['2026-01-09', false, 'Saturday 3 January moved here'],
    ['2026-01-12', true, 'the first working day of the year'],
    ['2026-02-23', false, 'Defender of the Fatherland Day'],
    ['2026-03-09', false, 'Sunday 8 March moves to the next working day (ТК РФ ст. 112)'],
    ['2026-05-11', false, 'Saturday 9 May moves to the next working day (ТК РФ ст. 112)'],
    ['2026-06-12', false, 'Russia Day'],
    ['2026-11-04', false, 'Unity Day'],
    ['2026-11-05', true, 'the day after Unity Day'],
    ['2026-12-31', false, 'Sunday 4 January moved here'],
  ])('%s is a working day: %p (%s)', (date, working) => expect(isWorkingDay(date)).toBe(working));

  it('counts working days across the turn of 2025 into 2026', () => {
    // Mon 29 Dec 2025: Tue 30 Dec works, 31 Dec and 1–11 Jan are off, then Mon 12 and Tue 13 Jan.
    expect(addWorkingDays('2025-12-29', 3)).toEqual({ date: '2026-01-13' });
  });
});
