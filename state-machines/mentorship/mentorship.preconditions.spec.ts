import { given } from '../testing/given-when-then';
import { actors, ONE, stepEnv } from '../testing/fixtures';
import type { MentorshipEvent } from './mentorship.events';
import { acceptedEventTypes, closedBy, fold } from './mentorship.state';
import { availableSteps } from './mentorship.view';
import { someActivityPending } from './rules/program-content.rule';

const done = (activityId: string, date: string): MentorshipEvent => ({ type: 'ActivityCompleted', data: { activityId, date } });
const allDone = [...ONE.active, done('A1', '2024-09-27'), done('A2', '2024-12-18'), done('A3', '2025-04-25')];

describe('«Отметить мероприятие выполненным» only while an activity is pending (§3.6)', () => {
  it('someActivityPending: the precondition of the machine\'s activityPending guard', () => {
    expect(someActivityPending(fold(ONE.active).context)).toBe(true);
    expect(someActivityPending(fold(allDone).context)).toBe(false);
    expect(someActivityPending(fold(ONE.ordered).context)).toBe(false);
  });

  it('given every activity done, the machine no longer accepts ActivityCompleted and the step is not offered', () => {
    const s = fold(allDone);
    expect(acceptedEventTypes(s).has('ActivityCompleted')).toBe(false);
    expect(closedBy(s, 'ActivityCompleted')).toMatchObject({ clause: '§3.6' });
    for (const a of [actors.mentor(), actors.curator()]) expect(availableSteps(s, a).map((x) => x.step)).not.toContain('activity-done');
    expect(availableSteps(s, actors.curator()).map((x) => x.step)).toEqual(['amend', 'extend', 'complete', 'request-replacement']);
  });

  it('given the last activity pending, when the mentor marks it done, then it is recorded and the step closes', () => {
    const { snapshot } = given(...allDone.slice(0, -1)).when('activity-done', { activityId: 'A3', date: '2025-04-25' }, stepEnv(actors.mentor()))
      .then([done('A3', '2025-04-25')]);
    expect(acceptedEventTypes(snapshot).has('ActivityCompleted')).toBe(false);
  });

  it('given every activity done, when the mentor marks one again, then it is refused as a closed step with the reason', () => {
    const refusal = given(...allDone).when('activity-done', { activityId: 'A1', date: '2025-05-01' }, stepEnv(actors.mentor()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
    expect(refusal.message).toContain('Все мероприятия программы уже отмечены выполненными');
    expect(refusal.details).toMatchObject({ allowedSteps: ['amend', 'extend', 'request-replacement'] });
  });

  it('an amendment brings new pending activities, and the step opens again', () => {
    const amended: MentorshipEvent = {
      type: 'ProgramAmended', data: { date: '2025-05-01', activities: [{ id: 'A4', kind: 'other', title: 'Итоговое занятие', due: '2025-05-20' }], agreedBy: ['p-mentor', 'p-mentee-1'] },
    };
    expect(acceptedEventTypes(fold([...allDone, amended])).has('ActivityCompleted')).toBe(true);
  });
});
