import { decideRegisterPerson, type Actor } from '#core/people';

/** Asks the core's own decision with a throwaway body: it is pure, so nothing is written. */
export function mayRegisterPeople(actor: Actor): boolean {
  try {
    decideRegisterPerson({ fullName: '-', position: '-', firstWorkingDay: '2000-01-01' }, { actor, personId: '-' });
    return true;
  } catch {
    return false;
  }
}
