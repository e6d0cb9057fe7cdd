import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyError } from '#libs/event-store';
import { canRead, decideStep, rolesForStep, STEP_BODIES, type StepEnv } from '#core/mentorship';
import {
  APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, uuidFromName, parseBody, concurrentChange, idempotencyKeyReused, notFound, staleRevision,
} from '#libs/kernel';
import { MentorLoadService } from '../mentor-load.service';
import { MentorshipRepository } from '../mentorship.repository';
import { MentorshipWriter } from '../mentorship.writer';
import { TakeStepCommand, type StepResult } from './take-step.command';
import { isMentorStreamConflict, ReservationConflict, retryOnReservationConflict } from './with-retries';

/** One handler for every lifecycle step: load, fold, let the machine decide, append. */
@CommandHandler(TakeStepCommand)
export class TakeStepHandler implements ICommandHandler<TakeStepCommand> {
  constructor(
    private readonly repo: MentorshipRepository,
    private readonly writer: MentorshipWriter,
    private readonly loads: MentorLoadService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ mentorshipId, step, body: raw, ctx }: TakeStepCommand): Promise<StepResult> {
    const body = parseBody(STEP_BODIES[step], raw);
    const successorId = step === 'replace' ? uuidFromName(`successor:${ctx.commandId}`) : undefined;
    return retryOnReservationConflict(async () => {
      const m = await this.repo.load(mentorshipId);
      if (m.revision < 0 || !canRead(ctx.actor, m.snapshot.context)) throw notFound('Наставничество');
      const env: StepEnv = { actor: ctx.actor, today: todayIn(this.clock, this.config.timeZone), successorId };
      const applied = m.commands.get(ctx.commandId);
      if (applied) {
        if (applied.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
        if (successorId) {
          // Finish a replacement that stopped between its appends; every append below is idempotent.
          const before = await this.repo.loadBefore(mentorshipId, applied.firstRevision);
          const { env: retryEnv, reservationRevision } = await this.withNewMentor(env, body, successorId);
          const decision = decideStep(step, body, before, retryEnv);
          await this.writer.write(mentorshipId, applied.firstRevision - 1, decision, ctx, 'retry', reservationRevision);
        }
        return { mentorshipId, revision: applied.lastRevision, successorId, replayed: true };
      }
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== m.revision) throw staleRevision(ctx.expectedRevision, m.revision);
      const { env: fullEnv, reservationRevision } = successorId ? await this.withNewMentor(env, body, successorId) : { env, reservationRevision: undefined };
      const decision = decideStep(step, body, m.snapshot, fullEnv);
      const role = rolesForStep(step, ctx.actor, m.snapshot.context)[0];
      try {
        const written = await this.writer.write(mentorshipId, m.revision, decision, ctx, role, reservationRevision);
        return { mentorshipId, revision: written.revision, position: written.position, successorId, replayed: false };
      } catch (error) {
        if (isMentorStreamConflict(error)) throw new ReservationConflict('mentor stream changed', { cause: error });
        if (error instanceof ConcurrencyError) throw ctx.expectedRevision !== undefined ? staleRevision(ctx.expectedRevision, m.revision + 1) : concurrentChange();
        throw error;
      }
    });
  }

  private async withNewMentor(env: StepEnv, body: unknown, successorId: string): Promise<{ env: StepEnv; reservationRevision: number | 'already-reserved' }> {
    const { newMentorId } = body as { newMentorId: string };
    const [facts, load] = await Promise.all([
      this.loads.factsOf(newMentorId, env.actor.orgId),
      this.loads.loadOf(newMentorId, successorId),
    ]);
    return { env: { ...env, newMentor: { facts, load: load.load }, successorId }, reservationRevision: load.alreadyReserved ? 'already-reserved' : load.revision };
  }
}
