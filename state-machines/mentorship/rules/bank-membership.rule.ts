import { violation, type RuleCheck } from './rule';

/** What the shell knows about a person when a proposal names them. */
export interface PersonFacts {
  personId: string;
  exists: boolean;
  personalDataConsent: boolean;
  inMentorBank: boolean;
  inMenteeBank: boolean;
  firstWorkingDay?: string;
}

/** §3.4, §3.8 and roadmap stages 2–3: mentors come from the mentor bank, mentees from the mentee bank. */
export function proposedFromBanks(mentor: PersonFacts, mentees: PersonFacts[]): RuleCheck {
  for (const p of [mentor, ...mentees]) {
    const who = p === mentor ? { nominative: 'Наставник', genitive: 'наставника' } : { nominative: 'Наставляемый', genitive: 'наставляемого' };
    if (!p.exists) return violation('person-not-found', '§3.4', `${who.nominative} не зарегистрирован среди сотрудников.`, { personId: p.personId });
    if (!p.personalDataConsent) {
      return violation('no-personal-data-consent', 'Дорожная карта, этапы 2–3', `Нет согласия ${who.genitive} на обработку персональных данных.`, { personId: p.personId });
    }
  }
  if (!mentor.inMentorBank) {
    return violation('mentor-not-in-bank', '§3.8', 'Наставник назначается только из базы наставников.', { personId: mentor.personId });
  }
  const outside = mentees.find((m) => !m.inMenteeBank);
  if (outside) {
    return violation('mentee-not-in-bank', '§3.4', 'Наставляемый назначается только из банка наставляемых.', { personId: outside.personId });
  }
  return null;
}
