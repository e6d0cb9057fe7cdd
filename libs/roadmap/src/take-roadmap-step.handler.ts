import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideRoadmapStep, ROADMAP_STEP_BODIES, ROADMAP_STEP_POLICIES, type RoadmapStepBody, type TraineeFacts,
} from '#core/roadmap';
import { StreamCommands, type CommandOutcome } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import { RoadmapRepository, roadmapStream } from './roadmap.repository';
import { TakeRoadmapStepCommand } from './take-roadmap-step.command';

/** Load the organisation's roadmap, let its machine decide, append; shared by the whole organisation, so a race decides again. */
@CommandHandler(TakeRoadmapStepCommand)
export class TakeRoadmapStepHandler implements ICommandHandler<TakeRoadmapStepCommand> {
  constructor(private readonly commands: StreamCommands, private readonly roadmaps: RoadmapRepository, private readonly people: PeopleRepository) {}

  async execute({ step, body: raw, ctx }: TakeRoadmapStepCommand): Promise<CommandOutcome> {
    const body = this.commands.parse(ROADMAP_STEP_BODIES[step], raw);
    const trainee = step === 'mentor-trained' ? await this.traineeFacts((body as RoadmapStepBody<'mentor-trained'>).personId, ctx.actor.orgId) : undefined;
    const role = ROADMAP_STEP_POLICIES[step].roles.find((r) => ctx.actor.roles.includes(r)) ?? ctx.actor.roles[0];
    return this.commands.handle({
      stream: roadmapStream(ctx.actor.orgId), ctx, onConflict: 'decide-again',
      load: () => this.roadmaps.load(ctx.actor.orgId),
      decide: (roadmap) => ({ events: decideRoadmapStep(step, body, roadmap.state, { actor: ctx.actor, today: this.commands.today(), trainee }), role }),
    });
  }

  private async traineeFacts(personId: string, orgId: string): Promise<TraineeFacts> {
    const f = await this.people.factsOf(personId, orgId);
    return { personId, exists: f.exists, personalDataConsent: f.personalDataConsent, inMentorBank: f.inMentorBank };
  }
}
