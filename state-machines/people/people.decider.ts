import { refuse } from '../shared/domain-error';
import type { BusinessDate } from '../shared/business-date';
import type { Actor, Role } from './roles';
import type { MenteeBankBody, MentorBankBody, PersonalDataConsentBody, RegisterPersonBody } from './people.commands';
import type { PeopleEvent } from './people.events';
import type { MenteeState, MentorState, PersonState } from './people.state';

/** §3.4: the curator keeps the personalised records of mentors and mentees; the head may too (§3.3). */
const PEOPLE_ROLES: readonly Role[] = ['curator', 'head'];

function authorize(actor: Actor, what: string): void {
  if (!actor.roles.some((r) => PEOPLE_ROLES.includes(r))) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4', message: `${what}: это делает куратор или руководитель.` });
  }
}

function requireConsentedPerson(person: PersonState | undefined, personId: string, bank: string): PersonState {
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: `Сотрудник ${personId} не найден.` });
  if (!person.personalDataConsent) {
    refuse({
      kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3',
      message: `Внести в ${bank} можно только сотрудника, давшего согласие на обработку персональных данных.`,
    });
  }
  return person;
}

export function decideRegisterPerson(body: RegisterPersonBody, env: { actor: Actor; personId: string }): PeopleEvent[] {
  authorize(env.actor, 'Регистрация сотрудника');
  return [{ type: 'PersonRegistered', data: { personId: env.personId, orgId: env.actor.orgId, ...body } }];
}

export function decidePersonalDataConsent(
  body: PersonalDataConsentBody, person: PersonState | undefined, env: { actor: Actor; personId: string; today: BusinessDate },
): PeopleEvent[] {
  authorize(env.actor, 'Согласие на обработку персональных данных');
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: `Сотрудник ${env.personId} не найден.` });
  if (body.date > env.today) refuse({ kind: 'rule', code: 'date-in-future', clause: 'Дорожная карта, этапы 2–3', message: `Дата согласия ${body.date} ещё не наступила.` });
  if (person.personalDataConsent) refuse({ kind: 'state', code: 'consent-already-recorded', message: 'Согласие на обработку персональных данных уже записано.' });
  return [{ type: 'PersonalDataConsentRecorded', data: { personId: env.personId, ...body } }];
}

export function decideEnterMentorBank(body: MentorBankBody, person: PersonState | undefined, mentor: MentorState, actor: Actor): PeopleEvent[] {
  authorize(actor, 'Внесение в базу наставников');
  const p = requireConsentedPerson(person, body.personId, 'базу наставников');
  if (mentor.inBank) refuse({ kind: 'state', code: 'already-in-bank', clause: '§3.8', message: 'Сотрудник уже в базе наставников.' });
  return [{ type: 'MentorBankEntered', data: { personId: p.personId, orgId: p.orgId, competences: body.competences } }];
}

export function decideEnterMenteeBank(body: MenteeBankBody, person: PersonState | undefined, mentee: MenteeState, actor: Actor): PeopleEvent[] {
  authorize(actor, 'Внесение в банк наставляемых');
  const p = requireConsentedPerson(person, body.personId, 'банк наставляемых');
  if (mentee.inBank) refuse({ kind: 'state', code: 'already-in-bank', clause: '§3.4', message: 'Сотрудник уже в банке наставляемых.' });
  return [{ type: 'MenteeBankEntered', data: { personId: p.personId, orgId: p.orgId, requests: body.requests } }];
}
