import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '#libs/kernel';

export interface PeopleResult extends CommandOutcome {
  personId: string;
}

export class RegisterPersonCommand extends Command<PeopleResult> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class RecordPersonalDataConsentCommand extends Command<PeopleResult> {
  constructor(readonly personId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class EnterBankCommand extends Command<PeopleResult> {
  constructor(readonly bank: 'mentor' | 'mentee', readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class WithdrawPersonalDataConsentCommand extends Command<PeopleResult> {
  constructor(readonly personId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

/** On the head's order: records the destruction, then destroys the person's key. */
export class DestroyPersonalDataCommand extends Command<PeopleResult> {
  constructor(readonly personId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
