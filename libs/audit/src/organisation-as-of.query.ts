import { Query } from '@nestjs/cqrs';
import type { Actor } from '#core/people';

export interface OrganisationAsOf {
  orgId: string;
  date: string;
  /** Who mentored whom that day, by state. */
  mentorships: { id: string; state: string; mentorId: string; menteeIds: string[]; form: string; topic: string }[];
  mentorBank: { personId: string; since: string }[];
  menteeBank: { personId: string; since: string }[];
  personalDataConsents: { personId: string; date: string; documentRef: string; withdrawn?: { date: string; documentRef: string } }[];
  /** How many events of the organisation the view was built from. */
  events: number;
}

export class GetOrganisationAsOfQuery extends Query<OrganisationAsOf> {
  constructor(readonly actor: Actor, readonly date: string) {
    super();
  }
}
