import { actors, ORG, TODAY } from '../../testing/fixtures';
import { addDays } from '../../shared/business-date';
import { DomainError, type Refusal } from '../../shared/domain-error';
import { decidePersonalDataConsent, decideRegisterPerson } from '../people.decider';
import { foldPerson } from '../people.state';
import { firstWorkingDayNotInFuture } from './first-working-day.rule';

const refusalOf = (fn: () => unknown): Refusal => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.refusal;
    throw e;
  }
  throw new Error('expected a refusal');
};
const body = (firstWorkingDay: string) => ({ fullName: 'Иванова Мария Петровна', position: 'Воспитатель', firstWorkingDay });
const env = { actor: actors.curator(), personId: 'p-new', today: TODAY };

describe('a first working day is a fact: never in the future, like a consent (§3.7)', () => {
  it('holds on today and before', () => {
    expect(firstWorkingDayNotInFuture(TODAY, TODAY)).toBeNull();
    expect(firstWorkingDayNotInFuture('2024-09-02', TODAY)).toBeNull();
  });

  it('given today, when the curator registers someone starting tomorrow, then it is refused as a consent dated tomorrow is', () => {
    const tomorrow = addDays(TODAY, 1);
    const hire = refusalOf(() => decideRegisterPerson(body(tomorrow), env));
    expect(hire).toMatchObject({ kind: 'rule', code: 'date-in-future', clause: '§3.7', details: { firstWorkingDay: tomorrow, today: TODAY } });
    expect(hire.message).toContain('02.06.2025');
    const person = foldPerson(decideRegisterPerson(body(TODAY), env));
    expect(refusalOf(() => decidePersonalDataConsent({ date: tomorrow, documentRef: 'ПДн' }, person, env))).toMatchObject({ code: 'date-in-future' });
  });

  it('given today, when the curator registers someone who started today, then they are registered', () => {
    expect(decideRegisterPerson(body(TODAY), env)).toEqual([
      { type: 'PersonRegistered', data: { personId: 'p-new', orgId: ORG, ...body(TODAY) } },
    ]);
  });
});
