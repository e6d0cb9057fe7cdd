import { addWorkingDays, isWorkingDay, PRODUCTION_CALENDARS } from './production-calendar';

describe('production calendar: working days by the published calendar, never guessed', () => {
  it('ships 2025 and 2026, each with its source', () => {
    expect([...PRODUCTION_CALENDARS.keys()]).toEqual([2025, 2026]);
    for (const y of PRODUCTION_CALENDARS.values()) expect(y.source).toMatch(/^Постановление Правительства РФ от \d{2}\.\d{2}\.\d{4} № \d+/);
  });

  it('does not count the day itself: the term runs from the next day (ТК РФ ст. 14)', () => {
    expect(addWorkingDays('2026-11-16', 3)).toEqual({ date: '2026-11-19' });
    expect(addWorkingDays('2026-11-20', 3)).toEqual({ date: '2026-11-25' });
    expect(addWorkingDays('2026-11-20', 0)).toEqual({ date: '2026-11-20' });
  });

  it('answers a year not shipped with that year, not with Monday–Friday', () => {
    expect(isWorkingDay('2027-01-11')).toEqual({ missingYear: 2027 });
    expect(isWorkingDay('2024-12-30')).toEqual({ missingYear: 2024 });
    // Mon 28 Dec 2026: 29 and 30 Dec work, 31 Dec is off, and 2027 is not shipped.
    expect(addWorkingDays('2026-12-28', 3)).toEqual({ missingYear: 2027 });
    expect(addWorkingDays('2026-12-28', 2)).toEqual({ date: '2026-12-30' });
  });
});
