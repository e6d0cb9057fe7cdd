import { ONE } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { COMPLETION_REASONS } from '../mentorship.vocabulary';
import { completionReasonHolds } from './completion-reason.rule';

describe('completionReasonHolds (§7.1)', () => {
  const allDone = fold(ONE.completed.slice(0, -1)).context;
  const someDone = fold([...ONE.active, { type: 'ActivityCompleted', data: { activityId: 'A2', date: '2024-10-01' } }]).context;

  it('"plan fulfilled" holds only when every activity is done', () => {
    expect(completionReasonHolds(allDone, 'plan-fulfilled')).toBeNull();
    expect(completionReasonHolds(someDone, 'plan-fulfilled'))
      .toMatchObject({ kind: 'rule', code: 'plan-not-fulfilled', clause: '§7.1', details: { pending: ['A1', 'A3'] } });
  });

  it.each(COMPLETION_REASONS.filter((r) => r !== 'plan-fulfilled'))('%s holds with activities pending', (reason) => {
    expect(completionReasonHolds(someDone, reason)).toBeNull();
  });
});
