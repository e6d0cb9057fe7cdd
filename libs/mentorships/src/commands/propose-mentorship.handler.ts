import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { decidePropose, proposeBody } from '#core/mentorship';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, uuidFromName, parseBody, idempotencyKeyReused } from '#libs/kernel';
import { MentorLoadService } from '../mentor-load.service';
import { MentorshipRepository } from '../mentorship.repository';
import { MentorshipWriter } from '../mentorship.writer';
import { ProposeMentorshipCommand, type StepResult } from './take-step.command';
import { isMentorStreamConflict, ReservationConflict, retryOnReservationConflict } from './with-retries';

@CommandHandler(ProposeMentorshipCommand)
export class ProposeMentorshipHandler implements ICommandHandler<ProposeMentorshipCommand> {
  constructor(
    private readonly repo: MentorshipRepository,
    private readonly writer: MentorshipWriter,
    private readonly loads: MentorLoadService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ body: raw, ctx }: ProposeMentorshipCommand): Promise<StepResult> {
    const body = parseBody(proposeBody, raw);
    // With an Idempotency-Key the new id derives from the command, so a retry finds its own mentorship.
    const mentorshipId = ctx.idempotent ? uuidFromName(`mentorship:${ctx.commandId}`) : randomUUID();
    return retryOnReservationConflict(async () => {
      const existing = await this.repo.load(mentorshipId);
      const applied = existing.commands.get(ctx.commandId);
      if (applied) {
        if (applied.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
        return { mentorshipId, revision: applied.lastRevision, replayed: true };
      }
      const orgId = ctx.actor.orgId;
      const [mentor, mentees, load] = await Promise.all([
        this.loads.factsOf(body.mentorId, orgId),
        Promise.all(body.menteeIds.map((id) => this.loads.factsOf(id, orgId))),
        this.loads.loadOf(body.mentorId, mentorshipId),
      ]);
      const decision = decidePropose(body, {
        actor: ctx.actor, today: todayIn(this.clock, this.config.timeZone), mentorshipId, mentor, mentees, mentorLoad: load.load,
      });
      try {
        const written = await this.writer.write(mentorshipId, 'no_stream', decision, ctx, 'curator', load.alreadyReserved ? 'already-reserved' : load.revision);
        return { mentorshipId, revision: written.revision, position: written.position, replayed: false };
      } catch (error) {
        if (isMentorStreamConflict(error)) throw new ReservationConflict('mentor stream changed', { cause: error });
        throw error;
      }
    });
  }
}
