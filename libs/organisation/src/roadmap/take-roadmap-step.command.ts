import { Command } from '@nestjs/cqrs';
import type { RoadmapStepName } from '../../../../state-machines/roadmap';
import type { CommandContext } from '../../../workflow/src/support/command-context';
import type { Written } from '../support/stream-append';

/** A step on the actor's organisation's roadmap. */
export class TakeRoadmapStepCommand extends Command<Written> {
  constructor(readonly step: RoadmapStepName, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
