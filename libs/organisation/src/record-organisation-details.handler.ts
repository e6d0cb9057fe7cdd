import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRecordDetails, organisationDetailsBody } from '#core/organisation';
import { parseBody, StreamCommands, type CommandOutcome } from '#libs/kernel';
import { OrganisationRepository, organisationStream } from './organisation.repository';
import { RecordOrganisationDetailsCommand } from './record-organisation-details.command';

/** Load the organisation's stream, let the core decide, append; a concurrent edit refuses (the user decided on what they saw). */
@CommandHandler(RecordOrganisationDetailsCommand)
export class RecordOrganisationDetailsHandler implements ICommandHandler<RecordOrganisationDetailsCommand> {
  constructor(private readonly commands: StreamCommands, private readonly organisations: OrganisationRepository) {}

  execute({ body: raw, ctx }: RecordOrganisationDetailsCommand): Promise<CommandOutcome> {
    const body = parseBody(organisationDetailsBody, raw);
    const role = ctx.actor.roles.includes('head') ? 'head' : 'admin';
    return this.commands.handle({
      stream: organisationStream(ctx.actor.orgId), ctx, onConflict: 'refuse',
      load: () => this.organisations.load(ctx.actor.orgId),
      decide: (current) => ({ events: decideRecordDetails(body, current.state, { actor: ctx.actor, today: this.commands.today() }), role }),
    });
  }
}
