import { Command } from '@nestjs/cqrs';
import type { RoadmapStepName } from '#core/roadmap';
import type { CommandContext, CommandOutcome } from '#libs/kernel';

/** A step on the actor's organisation's roadmap. */
export class TakeRoadmapStepCommand extends Command<CommandOutcome> {
  constructor(readonly step: RoadmapStepName, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
