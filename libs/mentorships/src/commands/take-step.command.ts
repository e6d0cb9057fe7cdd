import { Command } from '@nestjs/cqrs';
import type { StepName } from '#core/mentorship';
import type { CommandContext, CommandOutcome } from '#libs/kernel';

export interface StepResult extends CommandOutcome {
  mentorshipId: string;
  successorId?: string;
}

export class TakeStepCommand extends Command<StepResult> {
  constructor(readonly mentorshipId: string, readonly step: StepName, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class ProposeMentorshipCommand extends Command<StepResult> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
