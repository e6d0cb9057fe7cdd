import { given } from '../../testing/given-when-then';
import { actors, ONE, PLANNED_START, stepEnv, withAgreement } from '../../testing/fixtures';
import type { MentorshipEvent } from '../mentorship.events';
import { fold } from '../mentorship.state';
import { warnings } from '../mentorship.view';
import { completedEarlyWarning } from './actual-duration.rule';

const codes = (events: MentorshipEvent[]) => warnings(fold(events)).map((w) => w.code);

describe('a completion before a month of mentoring is flagged (§3.7: from one month to one year)', () => {
  it.each([
    ['before the planned start', '2024-09-09', 'раньше планового начала (10.09.2024)'],
    ['on the planned start (0 days)', '2024-09-10', 'в день планового начала (10.09.2024)'],
    ['a day short of a month', '2024-10-09', 'через 29 дн. после планового начала (10.09.2024)'],
  ])('%s', (_t, date, words) => {
    const w = completedEarlyWarning(PLANNED_START, { date });
    expect(w).toMatchObject({ code: 'completed-before-minimum-term', clause: '§3.7' });
    expect(w!.message).toContain(words);
  });

  it('not from a month on, not before completion, not for an early end by notice (ТК РФ ст. 351.8)', () => {
    expect(completedEarlyWarning(PLANNED_START, { date: '2024-10-10' })).toBeNull();
    expect(completedEarlyWarning(PLANNED_START, undefined)).toBeNull();
    expect(completedEarlyWarning(PLANNED_START, { date: '2024-09-10', earlyEnd: { noticeBy: 'mentor' } })).toBeNull();
  });

  it('given an active mentorship, when the curator completes it on the day it was planned to start, then it is recorded with the warning', () => {
    const active = ONE.active.map((e) => (e.type === 'MentorshipProposed' ? { ...e, data: { ...e.data, plannedStart: '2024-09-18', plannedEnd: '2025-05-31' } } : e));
    const body = { date: '2024-09-18', reason: 'mentee-initiative' as const, note: 'Увольнение' };
    const { snapshot } = given(...active).when('complete', body, stepEnv(actors.curator())).then([{ type: 'MentorshipCompleted', data: body }]);
    expect(warnings(snapshot)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'completed-before-minimum-term', clause: '§3.7' })]));
  });

  it('the canonical completion after eight months carries no such warning', () => {
    expect(codes(ONE.completed)).not.toContain('completed-before-minimum-term');
    expect(codes(withAgreement(ONE.completed))).not.toContain('completed-before-minimum-term');
  });
});
