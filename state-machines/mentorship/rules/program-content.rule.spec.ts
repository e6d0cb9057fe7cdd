import { ONE, PLANNED_END } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { activitiesWithinTerm, activityPending } from './program-content.rule';

describe('activitiesWithinTerm (§3.6)', () => {
  const ctx = fold(ONE.ordered).context;

  it('holds for dues from the program date to the planned end', () => {
    expect(activitiesWithinTerm(ctx, '2024-09-16', ['2024-09-16', '2025-01-01', PLANNED_END])).toBeNull();
  });

  it.each(['2024-09-15', '2025-06-01'])('refuses a due of %s, naming it', (due) => {
    expect(activitiesWithinTerm(ctx, '2024-09-16', ['2025-01-01', due])).toMatchObject({ kind: 'rule', code: 'activity-due-outside-term', clause: '§3.6', details: { due } });
  });
});

describe('activityPending (§3.6)', () => {
  const ctx = fold([...ONE.active, { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } }]).context;

  it('holds for an activity of the program not yet done', () => expect(activityPending(ctx, 'A2')).toBeNull());
  it('refuses an activity already done', () => expect(activityPending(ctx, 'A1')).toMatchObject({ code: 'activity-already-done', clause: '§3.6' }));
  it('refuses an unknown activity, and any before a program exists', () => {
    expect(activityPending(ctx, 'A4')).toMatchObject({ code: 'activity-not-found', clause: '§3.6' });
    expect(activityPending(fold(ONE.ordered).context, 'A1')).toMatchObject({ code: 'activity-not-found' });
  });
});
