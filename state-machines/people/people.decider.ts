import { enforce, refuse } from '../shared/domain-error';
import type { BusinessDate } from '../shared/business-date';
import type { Actor, Role } from './roles';
import type {
  DestroyPersonalDataBody, MenteeBankBody, MentorBankBody, PersonalDataConsentBody, RegisterPersonBody, WithdrawPersonalDataConsentBody,
} from './people.commands';
import type { PeopleEvent } from './people.events';
import { PERSONAL_DATA_CLAUSE as PD_CLAUSE, PERSONAL_FIELD_NAMES } from './personal-data';
import { hasPersonalDataConsent, type MenteeState, type MentorState, type PersonState } from './people.state';
import { consentsToProcessing } from './rules/personal-data-consent.rule';
import { firstWorkingDayNotInFuture } from './rules/first-working-day.rule';
import { consentDateValid, destructionDatesValid, withdrawalDateValid } from './rules/personal-data-dates.rule';
import { dataNoLongerNeeded } from './rules/retention.rule';

/** §3.4: the curator keeps the personalised records of mentors and mentees; the head may too (§3.3). */
const PEOPLE_ROLES: readonly Role[] = ['curator', 'head'];

function authorize(actor: Actor, what: string): void {
  if (!actor.roles.some((r) => PEOPLE_ROLES.includes(r))) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4', message: `${what}: это делает куратор или заведующий.` });
  }
}

function requireConsentedPerson(person: PersonState | undefined, personId: string, bank: string): PersonState {
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' });
  enforce(consentsToProcessing(person, bank));
  return person;
}

/** `today`: the organisation's business date; the shell always gives it (a role probe need not). */
export function decideRegisterPerson(body: RegisterPersonBody, env: { actor: Actor; personId: string; today?: BusinessDate }): PeopleEvent[] {
  authorize(env.actor, 'Регистрация сотрудника');
  if (env.today) enforce(firstWorkingDayNotInFuture(body.firstWorkingDay, env.today));
  return [{ type: 'PersonRegistered', data: { personId: env.personId, orgId: env.actor.orgId, ...body } }];
}

export function decidePersonalDataConsent(
  body: PersonalDataConsentBody, person: PersonState | undefined, env: { actor: Actor; personId: string; today: BusinessDate },
): PeopleEvent[] {
  authorize(env.actor, 'Согласие на обработку персональных данных');
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' });
  enforce(consentDateValid(body.date, env.today));
  if (person.personalDataDestroyed) refuse({ kind: 'state', code: 'personal-data-destroyed', clause: PD_CLAUSE, message: 'Персональные данные сотрудника уничтожены: согласие к ним не записать.' });
  if (hasPersonalDataConsent(person)) refuse({ kind: 'state', code: 'consent-already-recorded', message: 'Согласие на обработку персональных данных уже записано.' });
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

export function decideWithdrawPersonalDataConsent(
  body: WithdrawPersonalDataConsentBody, person: PersonState | undefined, env: { actor: Actor; personId: string; today: BusinessDate },
): PeopleEvent[] {
  authorize(env.actor, 'Отзыв согласия на обработку персональных данных');
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' });
  if (!hasPersonalDataConsent(person)) {
    refuse({ kind: 'state', code: 'no-consent-to-withdraw', clause: PD_CLAUSE, message: 'Действующего согласия на обработку персональных данных нет: отзывать нечего.' });
  }
  enforce(withdrawalDateValid(body.date, env.today, person.personalDataConsent!.date));
  return [{ type: 'PersonalDataConsentWithdrawn', data: { personId: env.personId, ...body } }];
}

/** Destruction is ordered by the head of the organisation (§3.3: the head issues the orders of the mentorship system). */
export const mayDestroyPersonalData = (actor: Actor): boolean => actor.roles.includes('head');

/**
 * Destruction on the head's order, after withdrawal, once no unfinished mentorship still needs the
 * data (its order and reports name the person): the record of it is the event; the shell then destroys the key.
 */
export function decideDestroyPersonalData(
  body: DestroyPersonalDataBody, person: PersonState | undefined,
  env: { actor: Actor; personId: string; today: BusinessDate; unfinishedMentorships: number },
): PeopleEvent[] {
  if (!mayDestroyPersonalData(env.actor)) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3', message: 'Уничтожение персональных данных проводится по приказу заведующего.' });
  }
  if (!person) return refuse({ kind: 'not-found', code: 'person-not-found', message: 'Сотрудник не найден.' });
  if (person.personalDataDestroyed) refuse({ kind: 'state', code: 'personal-data-destroyed', clause: PD_CLAUSE, message: `Персональные данные уже уничтожены (приказ № ${person.personalDataDestroyed.orderNumber}).` });
  if (!person.consentWithdrawn) {
    refuse({ kind: 'state', code: 'consent-not-withdrawn', clause: PD_CLAUSE, message: 'Согласие на обработку персональных данных не отозвано: уничтожать данные нет оснований.' });
  }
  enforce(dataNoLongerNeeded(env.unfinishedMentorships));
  enforce(destructionDatesValid(body.date, body.orderDate, env.today));
  return [{
    type: 'PersonalDataDestroyed',
    data: { personId: env.personId, orgId: person.orgId, fields: [...PERSONAL_FIELD_NAMES], date: body.date, order: { number: body.orderNumber, date: body.orderDate } },
  }];
}
