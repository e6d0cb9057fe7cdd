import { Command } from '@nestjs/cqrs';
import type { StepName } from '#core/mentorship';
import type { CommandContext, CommandOutcome } from '#libs/kernel';
import type { LoadedMentorship } from '../mentorship.repository';

export interface StepResult extends CommandOutcome {
  mentorshipId: string;
  successorId?: string;
  /** The mentorship right after this command's own events (absent on a replay): what the answer shows. */
  mentorship?: LoadedMentorship;
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
