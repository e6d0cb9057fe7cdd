import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldOrganisation, parseOrganisationEvent, type OrganisationState } from '#core/organisation';
import { readCommandStream, type CommandStream } from '#libs/kernel';

export const organisationStream = (orgId: string): string => streamId('organisation', orgId);

/** One stream per organisation, `organisation-<orgId>`: a few versions of its details, folded on each read. */
@Injectable()
export class OrganisationRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  load(orgId: string): Promise<CommandStream<OrganisationState>> {
    return readCommandStream(this.store, organisationStream(orgId), (events) => foldOrganisation(events.map(parseOrganisationEvent)));
  }
}
