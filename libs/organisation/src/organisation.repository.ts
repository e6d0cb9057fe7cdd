import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldOrganisation, parseOrganisationEvent, printedOrganisation, type OrganisationState, type PrintedOrganisation } from '#core/organisation';
import { readCommandStream, type CommandStream } from '#libs/kernel';
import type { OrganisationOptions } from './organisation.config';

export const organisationStream = (orgId: string): string => streamId('organisation', orgId);

/**
 * The organisation as a document dated `date` prints it, read straight from a store: for the command line,
 * which has no Nest application (`ORG_NAME` counts for the first organisation only, as in the app).
 */
export async function organisationFromStore(store: EventStore, orgId: string, date: string, options: OrganisationOptions): Promise<PrintedOrganisation> {
  const events = await store.readStream(organisationStream(orgId));
  const state = foldOrganisation(events.map(parseOrganisationEvent));
  return printedOrganisation(state, date, orgId === options.defaultOrgId ? options.configuredName : undefined);
}

/** One stream per organisation, `organisation-<orgId>`: a few versions of its details, folded on each read. */
@Injectable()
export class OrganisationRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  load(orgId: string): Promise<CommandStream<OrganisationState>> {
    return readCommandStream(this.store, organisationStream(orgId), (events) => foldOrganisation(events.map(parseOrganisationEvent)));
  }
}
