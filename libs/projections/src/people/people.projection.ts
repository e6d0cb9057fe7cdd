import type { RecordedEvent } from '#libs/event-store';
import { type PeopleEvent, type PeopleEventType, ERASED } from '#core/people';
import { businessDateOf } from '#core/shared';
import { type Projection, streamKey } from '../projection';
import { PEOPLE, peopleSqlViews, personFromRow, personRow } from './people.tables';
import type { PersonView } from './person.view';

type DataOf<K extends PeopleEventType> = Extract<PeopleEvent, { type: K }>['data'];
const dataOf = <K extends PeopleEventType>(e: RecordedEvent, _type: K) => e.data as DataOf<K>;

/** Folds one event of a `person-`, `mentor-` or `mentee-` stream into the person's view. */
export function projectPerson(view: PersonView | undefined, e: RecordedEvent, timeZone: string): PersonView | undefined {
  const personId = streamKey(e.streamId);
  const v: PersonView = view ?? { personId, orgId: e.metadata.orgId };
  const recordedOn = () => e.metadata.businessDate ?? businessDateOf(new Date(e.metadata.recordedAt), timeZone);
  switch (e.type) {
    case 'PersonRegistered': {
      const d = dataOf(e, 'PersonRegistered');
      return { ...v, orgId: d.orgId, fullName: d.fullName, position: d.position, firstWorkingDay: d.firstWorkingDay };
    }
    case 'PersonalDataConsentRecorded':
      return { ...v, personalDataConsentOn: dataOf(e, 'PersonalDataConsentRecorded').date, consentWithdrawnOn: undefined };
    case 'PersonalDataConsentWithdrawn':
      return { ...v, consentWithdrawnOn: dataOf(e, 'PersonalDataConsentWithdrawn').date };
    case 'PersonalDataDestroyed':
      // Earlier events were decrypted before the key went; from here every read gives the erased mark.
      return { ...v, fullName: ERASED, personalDataDestroyedOn: dataOf(e, 'PersonalDataDestroyed').date };
    case 'MentorBankEntered':
      return { ...v, mentorBank: { competences: dataOf(e, 'MentorBankEntered').competences, enteredOn: recordedOn() } };
    case 'MenteeBankEntered':
      return { ...v, menteeBank: { requests: dataOf(e, 'MenteeBankEntered').requests, enteredOn: recordedOn() } };
    default:
      // Mentor-load reservations are the command side's lock; the read side counts mentorships.
      return view;
  }
}

export const peopleProjection = (timeZone: string): Projection<PersonView> => ({
  name: 'people',
  streamPrefixes: ['person-', 'mentor-', 'mentee-'],
  main: PEOPLE,
  derived: [],
  sqlViews: peopleSqlViews,
  keyOf: (e) => (e.type === 'MenteeSlotsReserved' ? null : streamKey(e.streamId)),
  project: (view, e) => projectPerson(view, e, timeZone),
  rows: (v) => ({ main: personRow(v), derived: {} }),
  viewFromRow: personFromRow,
});
