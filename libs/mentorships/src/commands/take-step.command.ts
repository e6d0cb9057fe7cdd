import { Command } from '@nestjs/cqrs';
import type { LogPosition } from '#libs/event-store';
import type { StepName } from '#core/mentorship';
import type { CommandContext } from '#libs/kernel';

export interface StepResult {
  mentorshipId: string;
  revision: number;
  position?: LogPosition;
  successorId?: string;
  /** True when this was a retry of a command already applied: nothing new was written. */
  replayed: boolean;
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
