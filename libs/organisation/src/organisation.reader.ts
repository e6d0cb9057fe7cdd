import { Inject, Injectable } from '@nestjs/common';
import { mayEditOrganisation, printedOrganisation, type PrintedOrganisation } from '#core/organisation';
import type { Actor } from '#core/people';
import { StreamCommands } from '#libs/kernel';
import { ORGANISATION_OPTIONS, type OrganisationOptions } from './organisation.config';
import { OrganisationRepository } from './organisation.repository';

/** The organisation's details as documents, reports and statements print them, and as `GET /api/organisation` shows them. */
@Injectable()
export class OrganisationReader {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly commands: StreamCommands,
    @Inject(ORGANISATION_OPTIONS) private readonly options: OrganisationOptions,
  ) {}

  /** `ORG_NAME` names only the first administrator's organisation: another one's documents leave a blank until its details are entered. */
  private configuredName(orgId: string): string | undefined {
    return orgId === this.options.defaultOrgId ? this.options.configuredName : undefined;
  }

  /** The organisation as a document dated `date` prints it (today by default). */
  async printed(orgId: string, date: string = this.commands.today()): Promise<PrintedOrganisation> {
    const { state } = await this.organisations.load(orgId);
    return printedOrganisation(state, date, this.configuredName(orgId));
  }

  /** `GET /api/organisation`: what is printed today, every version entered, the revision for If-Match, and whether the caller may edit. */
  async view(actor: Actor) {
    const { revision, state } = await this.organisations.load(actor.orgId);
    const today = this.commands.today();
    return {
      orgId: actor.orgId, revision, today,
      current: printedOrganisation(state, today, this.configuredName(actor.orgId)),
      versions: [...state.versions].reverse(),
      canEdit: mayEditOrganisation(actor),
    };
  }
}
