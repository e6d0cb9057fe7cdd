import { stepDateInOrder } from './step-date.rule';

describe('stepDateInOrder (dates never in the future, never backwards)', () => {
  it('holds on the previous step\'s day and on today', () => {
    expect(stepDateInOrder('2024-09-10', '2024-09-10', '2024-09-10')).toBeNull();
    expect(stepDateInOrder('2024-09-12', '2024-09-10', '2024-09-12')).toBeNull();
    expect(stepDateInOrder('2024-09-12', undefined, '2024-09-12')).toBeNull();
  });

  it('refuses tomorrow', () => {
    expect(stepDateInOrder('2024-09-13', undefined, '2024-09-12')).toMatchObject({ kind: 'rule', code: 'date-in-future', details: { date: '2024-09-13', today: '2024-09-12' } });
  });

  it('refuses a date before the previous step', () => {
    expect(stepDateInOrder('2024-09-09', '2024-09-10', '2024-09-12')).toMatchObject({ code: 'date-before-previous-step', details: { lastDate: '2024-09-10' } });
  });

  it('reports the future first when both hold', () => {
    expect(stepDateInOrder('2024-09-13', '2024-09-20', '2024-09-12')).toMatchObject({ code: 'date-in-future' });
  });
});
