import { GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, SUCCESSOR_ID } from '../testing/fixtures';
import type { MentorshipEvent } from './mentorship.events';
import { FINISHED_STATES, inPhase, stateAfter, STATES_WITH_STEPS, statesIn, UNFINISHED_STATES } from './mentorship.lifecycle';
import { mentorshipMachine } from './mentorship.machine';
import { fold, initialSnapshot, stateOf } from './mentorship.state';
import { MENTORSHIP_STATES } from './mentorship.vocabulary';

const consent = (personId: string, given = true): MentorshipEvent => ({ type: 'ConsentRecorded', data: { personId, given, date: '2024-09-05', documentRef: 'С' } });
const report = (personId: string): MentorshipEvent => ({ type: 'MenteeReportSubmitted', data: { personId, date: '2025-06-01', text: 'О', mentorEvaluation: 5 } });
const replaced: MentorshipEvent = {
  type: 'MentorReplaced', data: { date: '2024-10-01', reason: 'other', newMentorId: MENTOR_2, newMentorConsentRef: 'С', orderNumber: '31-к', successorId: SUCCESSOR_ID },
};
const continued: MentorshipEvent = {
  type: 'MentorshipContinued',
  data: { ...(ONE.proposed[0].data as Extract<MentorshipEvent, { type: 'MentorshipProposed' }>['data']), mentorshipId: SUCCESSOR_ID, mentorId: MENTOR_2, predecessorId: 'ms-1', newMentorConsentRef: 'С', orderNumber: '31-к' },
};

describe('the lifecycle as the machine defines it', () => {
  it('the vocabulary names exactly the machine\'s states, after its initial one', () => {
    expect(Object.keys(mentorshipMachine.root.states)).toEqual(['new', ...MENTORSHIP_STATES]);
  });

  it('tags each state with one phase: awaiting the order, in progress, or finished', () => {
    expect(statesIn('awaiting-order')).toEqual(['proposed', 'consented']);
    expect(statesIn('in-progress')).toEqual(['ordered', 'program-drafted', 'active']);
    expect(FINISHED_STATES).toEqual(['completed', 'replaced', 'declined', 'withdrawn']);
    for (const s of MENTORSHIP_STATES) expect((['awaiting-order', 'in-progress', 'finished'] as const).filter((p) => inPhase(s, p))).toHaveLength(1);
    expect(inPhase('new', 'finished')).toBe(false);
  });

  it('the phase is the snapshot\'s tag', () => {
    expect(fold(ONE.consented).hasTag('awaiting-order')).toBe(true);
    expect(fold(ONE.active).hasTag('in-progress')).toBe(true);
    expect(fold(ONE.completed).hasTag('finished')).toBe(true);
  });
});

describe('stateAfter: the state a stored event leads to, without a fold', () => {
  /** Every prefix of the history, each next event: the state it leads to is the fold's. */
  const agrees = (history: MentorshipEvent[]) => {
    for (let i = 0; i < history.length; i++) {
      const before = i === 0 ? initialSnapshot() : fold(history.slice(0, i));
      expect(stateAfter(stateOf(before), history[i], () => before.context)).toBe(stateOf(fold(history.slice(0, i + 1))));
    }
  };

  it.each([
    ['a pair from proposal to completion', ONE.completed],
    ['a group from proposal to completion, with its reports', [...GROUP.completed, report(MENTEE), report(MENTEE_2)]],
    ['a refusal', [...GROUP.proposed, consent(MENTOR), consent(MENTEE_2, false)]],
    ['a withdrawal', [...ONE.consented, { type: 'MentorshipWithdrawn', data: { date: '2024-09-06', reason: 'П' } }]],
    ['a replacement', [...ONE['program-drafted'], replaced]],
    ['a successor', [continued]],
  ] as [string, MentorshipEvent[]][])('agrees with the machine along %s', (_t, history) => agrees(history));

  it('asks for the context only where the machine\'s guards choose', () => {
    const context = jest.fn(() => fold(GROUP.proposed).context);
    expect(stateAfter('consented', { type: 'OrderIssued', data: { number: '1', date: '2024-09-10' } }, context)).toBe('ordered');
    expect(context).not.toHaveBeenCalled();
    expect(stateAfter('proposed', consent(MENTOR), context)).toBe('proposed');
    expect(context).toHaveBeenCalledTimes(1);
  });

  it('keeps the state for an event it has no transition for', () => {
    expect(stateAfter('withdrawn', consent(MENTOR), () => fold(ONE.proposed).context)).toBe('withdrawn');
  });
});

describe('the lifecycle sets readers use are read from the machine', () => {
  it('the states that hold a mentor\'s places are those before the finish, and steps stay open after completion', () => {
    expect(UNFINISHED_STATES).toEqual(['proposed', 'consented', 'ordered', 'program-drafted', 'active']);
    expect(STATES_WITH_STEPS).toEqual(['proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed']);
  });
});
