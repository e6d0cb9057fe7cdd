import { actor, actors, ORG, TODAY } from '../testing/fixtures';
import { DomainError, type Refusal } from '../shared/domain-error';
import type { Role } from './roles';
import { decideEnterMenteeBank, decideEnterMentorBank, decidePersonalDataConsent, decideRegisterPerson } from './people.decider';
import { parsePeopleEvent, type PeopleEvent } from './people.events';
import { foldMentee, foldMentor, foldPerson } from './people.state';

const refusalOf = (fn: () => unknown): Refusal => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.refusal;
    throw e;
  }
  throw new Error('expected a refusal');
};

const P = 'p-new';
const registered: PeopleEvent = { type: 'PersonRegistered', data: { personId: P, orgId: ORG, fullName: 'Иванова Мария Петровна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' } };
const consented: PeopleEvent = { type: 'PersonalDataConsentRecorded', data: { personId: P, date: '2024-09-02', documentRef: 'Согласие на обработку ПД № 5' } };
const consentBody = { date: '2024-09-02', documentRef: 'Согласие на обработку ПД № 5' };
const emptyMentor = foldMentor([]);
const emptyMentee = foldMentee([]);

describe('register a person (curator or head, §3.4)', () => {
  const body = { fullName: 'Иванова Мария Петровна', position: 'Воспитатель', firstWorkingDay: '2024-09-02' };

  it.each([['curator', actors.curator()], ['head', actors.head()]])('the %s registers a staff member in their organisation', (_t, a) => {
    const events = decideRegisterPerson(body, { actor: a, personId: P });
    expect(events).toEqual([registered]);
    expect(parsePeopleEvent(events[0])).toEqual(events[0]);
    expect(foldPerson(events)).toEqual(registered.data);
  });

  it.each<Role>(['mentor', 'mentee', 'methodist', 'auditor', 'admin'])('is refused to the %s', (role) => {
    expect(refusalOf(() => decideRegisterPerson(body, { actor: actor(role), personId: P }))).toMatchObject({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4' });
  });
});

describe('personal-data consent (roadmap stages 2–3)', () => {
  const env = { actor: actors.curator(), personId: P, today: TODAY };

  it('is recorded once for a registered person', () => {
    const events = decidePersonalDataConsent(consentBody, foldPerson([registered]), env);
    expect(events).toEqual([consented]);
    expect(foldPerson([registered, ...events])?.personalDataConsent).toEqual(consentBody);
    expect(refusalOf(() => decidePersonalDataConsent(consentBody, foldPerson([registered, consented]), env)))
      .toMatchObject({ kind: 'state', code: 'consent-already-recorded' });
  });

  it('refuses an unknown person, a future date, and a non-curator', () => {
    expect(refusalOf(() => decidePersonalDataConsent(consentBody, undefined, env))).toMatchObject({ kind: 'not-found', code: 'person-not-found' });
    expect(refusalOf(() => decidePersonalDataConsent({ ...consentBody, date: '2025-06-03' }, foldPerson([registered]), env)))
      .toMatchObject({ kind: 'rule', code: 'date-in-future' });
    expect(refusalOf(() => decidePersonalDataConsent(consentBody, foldPerson([registered]), { ...env, actor: actors.auditor() })))
      .toMatchObject({ kind: 'forbidden' });
  });
});

describe.each([
  ['mentor bank', '§3.8', (person: ReturnType<typeof foldPerson>, inBank: boolean, a = actors.curator()) =>
    decideEnterMentorBank({ personId: P, competences: ['Методика'] }, person, inBank ? foldMentor([{ type: 'MentorBankEntered', data: { personId: P, orgId: ORG, competences: ['x'] } }]) : emptyMentor, a)],
  ['mentee bank', '§3.4', (person: ReturnType<typeof foldPerson>, inBank: boolean, a = actors.curator()) =>
    decideEnterMenteeBank({ personId: P, requests: ['Работа с родителями'] }, person, inBank ? foldMentee([{ type: 'MenteeBankEntered', data: { personId: P, orgId: ORG, requests: ['x'] } }]) : emptyMentee, a)],
] as const)('enter the %s', (bank, clause, enter) => {
  it('enters a registered person with personal-data consent, in their organisation', () => {
    const [event] = enter(foldPerson([registered, consented]), false);
    expect(event.type).toBe(bank === 'mentor bank' ? 'MentorBankEntered' : 'MenteeBankEntered');
    expect(event.data).toMatchObject({ personId: P, orgId: ORG });
    expect(parsePeopleEvent(event)).toEqual(event);
    const folded = bank === 'mentor bank' ? foldMentor([event]) : foldMentee([event]);
    expect(folded.inBank).toBe(true);
  });

  it('refuses a person without personal-data consent', () => {
    expect(refusalOf(() => enter(foldPerson([registered]), false))).toMatchObject({ kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3' });
  });

  it('refuses an unknown person', () => {
    expect(refusalOf(() => enter(undefined, false))).toMatchObject({ kind: 'not-found', code: 'person-not-found' });
  });

  it('refuses a second entry', () => {
    expect(refusalOf(() => enter(foldPerson([registered, consented]), true))).toMatchObject({ kind: 'state', code: 'already-in-bank', clause });
  });

  it.each<Role>(['mentor', 'methodist', 'auditor'])('is refused to the %s', (role) => {
    expect(refusalOf(() => enter(foldPerson([registered, consented]), false, actor(role)))).toMatchObject({ kind: 'forbidden', code: 'role-not-allowed' });
  });
});

describe('people folds', () => {
  it('collect the places reserved in a mentor\'s load', () => {
    const mentor = foldMentor([
      { type: 'MentorBankEntered', data: { personId: 'p-m', orgId: ORG, competences: ['Методика'] } },
      { type: 'MenteeSlotsReserved', data: { mentorId: 'p-m', mentorshipId: 'ms-1', menteeIds: ['a', 'b'] } },
      { type: 'MenteeSlotsReserved', data: { mentorId: 'p-m', mentorshipId: 'ms-2', menteeIds: ['c'] } },
    ]);
    expect(mentor).toEqual({ inBank: true, competences: ['Методика'], reservations: [{ mentorshipId: 'ms-1', menteeIds: ['a', 'b'] }, { mentorshipId: 'ms-2', menteeIds: ['c'] }] });
  });

  it('ignore a consent before registration and unknown persons', () => {
    expect(foldPerson([consented])).toBeUndefined();
    expect(() => parsePeopleEvent({ type: 'Nope', data: {} })).toThrow('Unknown people event type');
  });
});
