import { addDays } from '../business-date';
import { addWorkingDays, isWorkingDay } from './production-calendar';
import { RU_2025 } from './ru-2025';

/** Working days of each month of a shipped year, January first (for the specs against the published calendar). */
function workingDaysByMonth(year: number): number[] {
  const out = Array.from({ length: 12 }, () => 0);
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    if (isWorkingDay(d) === true) out[Number(d.slice(5, 7)) - 1]++;
  }
  return out;
}

/** 2025 as Постановление Правительства РФ от 04.10.2024 № 1335 and the published production calendar have it. */
describe('production calendar 2025', () => {
  it('cites its decree', () => expect(RU_2025.source).toContain('от 04.10.2024 № 1335'));

  it('has the published working days per month, 247 in the year', () => {
    const months = workingDaysByMonth(2025);
    expect(months).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(247);
  });

  it('lists weekdays as days off and weekend days as working days, never the other way round', () => {
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const d of RU_2025.nonWorkingWeekdays) expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    for (const d of RU_2025.workingWeekends) expect([0, 6]).toContain(weekday(d));
  });

  it.each([
    ['2025-01-08', false, 'New Year holidays run to 8 January'],
    ['2025-01-09', true, 'the first working day of the year'],
    ['2025-02-24', true, 'Sunday 23 February was moved to 8 May, not to the Monday'],
    ['2025-03-10', true, 'Saturday 8 March was moved to 13 June, not to the Monday'],
    ['2025-05-02', false, 'Saturday 4 January moved here'],
    ['2025-05-08', false, 'Sunday 23 February moved here'],
    ['2025-06-13', false, 'Saturday 8 March moved here'],
    ['2025-11-01', true, 'a working Saturday'],
    ['2025-11-03', false, 'Saturday 1 November moved here'],
    ['2025-12-31', false, 'Sunday 5 January moved here'],
  ])('%s is a working day: %p (%s)', (date, working) => expect(isWorkingDay(date)).toBe(working));

  it('counts working days across the transfers of November', () => {
    // Fri 31 Oct: Sat 1 Nov works, 3 and 4 Nov are off, then Wed 5 and Thu 6.
    expect(addWorkingDays('2025-10-31', 3)).toEqual({ date: '2025-11-06' });
  });
});
