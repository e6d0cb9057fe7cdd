import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import {
  decideRoadmapStep, ROADMAP_STEP_BODIES, ROADMAP_STEP_POLICIES, type RoadmapEnv, type RoadmapStepBody, type TraineeFacts,
} from '#core/roadmap';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, parseBody, appendDecided, type Written } from '#libs/kernel';
import { MentorLoadService } from '#libs/mentorships';
import { foldLoaded, roadmapStream } from './roadmap.repository';
import { TakeRoadmapStepCommand } from './take-roadmap-step.command';

/** Load the organisation's roadmap, let its machine decide, append. */
@CommandHandler(TakeRoadmapStepCommand)
export class TakeRoadmapStepHandler implements ICommandHandler<TakeRoadmapStepCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly loads: MentorLoadService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ step, body: raw, ctx }: TakeRoadmapStepCommand): Promise<Written> {
    const body = parseBody(ROADMAP_STEP_BODIES[step], raw);
    const trainee = step === 'mentor-trained' ? await this.traineeFacts((body as RoadmapStepBody<'mentor-trained'>).personId, ctx.actor.orgId) : undefined;
    const role = ROADMAP_STEP_POLICIES[step].roles.find((r) => ctx.actor.roles.includes(r)) ?? ctx.actor.roles[0];
    return appendDecided(this.store, this.clock, roadmapStream(ctx.actor.orgId), ctx, (current) => {
      const env: RoadmapEnv = { actor: ctx.actor, today: todayIn(this.clock, this.config.timeZone), trainee };
      return { events: decideRoadmapStep(step, body, foldLoaded(current).snapshot, env), role };
    });
  }

  private async traineeFacts(personId: string, orgId: string): Promise<TraineeFacts> {
    const f = await this.loads.factsOf(personId, orgId);
    return { personId, exists: f.exists, personalDataConsent: f.personalDataConsent, inMentorBank: f.inMentorBank };
  }
}
