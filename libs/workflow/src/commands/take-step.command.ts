import { Command } from '@nestjs/cqrs';
import type { LogPosition } from '../../../event-store/src/event-store.port';
import type { StepName } from '../../../../state-machines/mentorship';
import type { CommandContext } from '../support/command-context';

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
