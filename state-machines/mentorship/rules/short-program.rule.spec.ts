import { shortProgramWarning } from './short-program.rule';

describe('shortProgramWarning (§1.2 against §3.7)', () => {
  it.each([['2024-09-10', '2024-10-10'], ['2024-09-10', '2024-12-09']])('warns for %s to %s', (start, end) => {
    expect(shortProgramWarning(start, end)).toMatchObject({ code: 'program-shorter-than-3-months', clause: '§1.2' });
  });

  it.each([['2024-09-10', '2024-12-10'], ['2024-09-10', '2025-09-10']])('is silent for %s to %s', (start, end) => {
    expect(shortProgramWarning(start, end)).toBeNull();
  });
});
