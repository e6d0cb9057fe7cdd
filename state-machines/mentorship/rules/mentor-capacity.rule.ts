import { violation, type RuleCheck } from './rule';

export const MAX_MENTEES_PER_MENTOR = 3;

/**
 * §3.7: a mentor never holds more than three mentees at once, across all of their unfinished
 * mentorships; a group mentorship counts each mentee.
 */
export function mentorCapacity(currentMentees: number, newMentees: number): RuleCheck {
  if (currentMentees + newMentees > MAX_MENTEES_PER_MENTOR) {
    return violation(
      'mentor-capacity-exceeded',
      '§3.7',
      `У наставника уже ${currentMentees} наставляемых; ещё ${newMentees} превысит предел в ${MAX_MENTEES_PER_MENTOR} человека одновременно.`,
      { currentMentees, newMentees, limit: MAX_MENTEES_PER_MENTOR },
    );
  }
  return null;
}
