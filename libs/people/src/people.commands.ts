import { Command } from '@nestjs/cqrs';
import type { LogPosition } from '#libs/event-store';
import type { CommandContext } from '#libs/kernel';

export interface PeopleResult {
  personId: string;
  revision: number;
  replayed: boolean;
  /** Where the write landed in the log (absent on a replay): for read-your-writes queries. */
  position?: LogPosition;
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
