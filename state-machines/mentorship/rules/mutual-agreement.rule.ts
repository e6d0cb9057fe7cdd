import { participants, type MentorshipContext } from '../mentorship.context';
import { violation, type RuleCheck } from './rule';

/** §7.2: the term is extended or the program changed only by agreement of the mentor and all mentees. */
export function agreedByAllParticipants(ctx: MentorshipContext, agreedBy: string[]): RuleCheck {
  const missing = participants(ctx).filter((p) => !agreedBy.includes(p));
  if (missing.length > 0) {
    return violation(
      'mutual-consent-required',
      '§7.2',
      'Продление срока или изменение программы возможно только по обоюдному согласию наставника и всех наставляемых.',
      { missing },
    );
  }
  return null;
}
