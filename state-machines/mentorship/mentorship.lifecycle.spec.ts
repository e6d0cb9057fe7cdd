import { ONE } from '../testing/fixtures';
import { FINISHED_STATES, inPhase, statesIn } from './mentorship.lifecycle';
import { mentorshipMachine } from './mentorship.machine';
import { fold } from './mentorship.state';
import { MENTORSHIP_STATES } from './mentorship.vocabulary';

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
