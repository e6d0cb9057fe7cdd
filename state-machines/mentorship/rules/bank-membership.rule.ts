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
    if (!p.exists) return violation('person-not-found', '§3.4', `Сотрудник ${p.personId} не зарегистрирован.`, { personId: p.personId });
    if (!p.personalDataConsent) {
      return violation('no-personal-data-consent', 'Дорожная карта, этапы 2–3', `Нет согласия сотрудника ${p.personId} на обработку персональных данных.`, { personId: p.personId });
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
