import { GROUP, MENTEE, MENTEE_2, MENTOR } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { completesMentees, pendingMentee } from './report-author.rule';

describe('pendingMentee and completesMentees (§3.6: each mentee once)', () => {
  const ctx = fold(GROUP.completed).context;

  it('holds for a mentee who has not yet done it', () => {
    expect(pendingMentee(ctx, MENTEE, {}, 'Отчёт')).toBeNull();
    expect(pendingMentee(ctx, MENTEE, { [MENTEE_2]: true }, 'Отчёт')).toBeNull();
  });

  it('refuses someone who is not a mentee here, the mentor included', () => {
    expect(pendingMentee(ctx, MENTOR, {}, 'Отчёт')).toMatchObject({ kind: 'rule', code: 'not-a-mentee', clause: '§3.6', details: { personId: MENTOR } });
    expect(pendingMentee(ctx, 'p-x', {}, 'Отчёт')).toMatchObject({ code: 'not-a-mentee' });
  });

  it('refuses a second time', () => {
    expect(pendingMentee(ctx, MENTEE, { [MENTEE]: '2025-06-01' }, 'Отчёт')).toMatchObject({ code: 'already-recorded', clause: '§3.6' });
  });

  it('says whether this one completes the set', () => {
    expect(completesMentees(ctx, MENTEE, {})).toBe(false);
    expect(completesMentees(ctx, MENTEE, { [MENTEE_2]: 'x' })).toBe(true);
  });
});
