import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '#libs/kernel';

/** The head or the administrator enters the organisation's details (full and short name, address, head, curator). */
export class RecordOrganisationDetailsCommand extends Command<CommandOutcome> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
