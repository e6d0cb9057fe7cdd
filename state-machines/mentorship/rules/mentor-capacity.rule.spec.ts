import { MAX_MENTEES_PER_MENTOR, mentorCapacity } from './mentor-capacity.rule';

describe('mentorCapacity (§3.7: never more than three mentees at once)', () => {
  it('is three', () => expect(MAX_MENTEES_PER_MENTOR).toBe(3));

  it.each([[0, 1], [0, 3], [2, 1], [1, 2]])('holds for %i held + %i new', (current, added) => {
    expect(mentorCapacity(current, added)).toBeNull();
  });

  it.each([[3, 1], [2, 2], [0, 4], [1, 3]])('refuses %i held + %i new', (current, added) => {
    expect(mentorCapacity(current, added)).toMatchObject({
      kind: 'rule', code: 'mentor-capacity-exceeded', clause: '§3.7', details: { currentMentees: current, newMentees: added, limit: 3 },
    });
  });
});
