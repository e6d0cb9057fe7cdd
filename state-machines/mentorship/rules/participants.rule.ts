import type { MentoringForm } from '../mentorship.vocabulary';
import { mentorNotAmongMentees } from './mentor-not-mentee.rule';
import { violation, type RuleCheck } from './rule';

/** §1.2 and §2.3: a mentor is not their own mentee; a group has two or more mentees, one-to-one has one. */
export function participantsFitForm(mentorId: string, menteeIds: string[], form: MentoringForm): RuleCheck {
  const notOwnMentee = mentorNotAmongMentees(mentorId, menteeIds);
  if (notOwnMentee) return notOwnMentee;
  if (new Set(menteeIds).size !== menteeIds.length) {
    return violation('duplicate-mentee', '§1.2', 'Наставляемый указан дважды.');
  }
  if (form === 'group' && menteeIds.length < 2) {
    return violation('group-needs-two-mentees', '§2.3', 'Наставничество в группе — это группа от двух наставляемых.');
  }
  if (form === 'traditional' && menteeIds.length !== 1) {
    return violation('traditional-is-one-to-one', '§2.3', 'Традиционная форма — «один-на-один»: один наставляемый.');
  }
  return null;
}
