import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '#libs/kernel';
import type { BankResult } from '../program-bank.repository';

/** §3.4: a completed mentorship's program enters the bank. */
export class SaveProgramTemplateCommand extends Command<BankResult> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class RetireProgramTemplateCommand extends Command<BankResult> {
  constructor(readonly templateId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

/** §8.1: the curator marks a completed mentorship or a template as a best case for the website. */
export class MarkBestCaseCommand extends Command<BankResult> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class WithdrawBestCaseCommand extends Command<BankResult> {
  constructor(readonly subjectId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
