import type { MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/** §3.8: a replacement brings another mentor; the mentor replaced cannot succeed themselves. */
export function newMentorDiffers(ctx: MentorshipContext, newMentorId: string): RuleCheck {
  return newMentorId === ctx.mentorId ? violation('same-mentor', '§3.8', 'Новый наставник должен отличаться от заменяемого.') : null;
}
