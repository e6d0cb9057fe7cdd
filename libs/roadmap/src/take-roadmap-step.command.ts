import { Command } from '@nestjs/cqrs';
import type { RoadmapStepName } from '#core/roadmap';
import type { CommandContext, Written } from '#libs/kernel';

/** A step on the actor's organisation's roadmap. */
export class TakeRoadmapStepCommand extends Command<Written> {
  constructor(readonly step: RoadmapStepName, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
