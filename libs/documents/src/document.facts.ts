import type { MentorshipContext, MentorshipEvent, MentorshipState } from '#core/mentorship';
import type { PrintedOrganisation } from '#core/organisation';
import { BLANK } from './document.model';

export interface PersonFacts {
  fullName: string;
  position: string;
}

/** Everything a document is filled from: the organisation as of the document's date, the mentorship as the machine knows it, its people. */
export interface DocumentFacts {
  organisation: PrintedOrganisation;
  ctx: MentorshipContext;
  state: MentorshipState | 'new';
  people: ReadonlyMap<string, PersonFacts>;
  /** The stream's events, for what the context does not keep (the new mentor's consent reference). */
  events: readonly MentorshipEvent[];
  /** The person a consent or a mentee's report is of. */
  personId?: string;
}

export const personOf = (f: DocumentFacts, id: string | undefined): PersonFacts =>
  (id && f.people.get(id)) || { fullName: BLANK, position: BLANK };

/** «Иванова Мария Петровна, старший воспитатель». */
export const nameAndPosition = (p: PersonFacts): string => `${p.fullName}, ${p.position.toLocaleLowerCase('ru')}`;
