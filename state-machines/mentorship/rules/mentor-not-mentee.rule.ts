import { violation, type RuleCheck } from './rule';

/** §1.2: mentoring passes experience from one teacher to another, so nobody is their own mentee. */
export function mentorNotAmongMentees(mentorId: string, menteeIds: readonly string[]): RuleCheck {
  return menteeIds.includes(mentorId) ? violation('mentor-is-mentee', '§1.2', 'Наставник не может быть своим наставляемым.') : null;
}
