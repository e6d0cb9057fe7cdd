import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  canRead, decideStep, rolesForStep, STEP_BODIES, type MentorshipSnapshot, type StepBody, type StepEnv, type StepName,
} from '#core/mentorship';
import { streamId } from '#core/shared';
import { notFound, StreamCommands, uuidFromName, type CommandContext, type Decision } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import { mentorshipAppends } from '../mentorship.appends';
import { MentorLoadService, reservationAt } from '../mentor-load.service';
import { MentorshipRepository, type LoadedMentorship } from '../mentorship.repository';
import { TakeStepCommand, type StepResult } from './take-step.command';

/** One handler for every lifecycle step: load, fold, let the machine decide, append. */
@CommandHandler(TakeStepCommand)
export class TakeStepHandler implements ICommandHandler<TakeStepCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly repo: MentorshipRepository,
    private readonly people: PeopleRepository,
    private readonly loads: MentorLoadService,
  ) {}

  async execute({ mentorshipId, step, body: raw, ctx }: TakeStepCommand): Promise<StepResult> {
    const body = this.commands.parse(STEP_BODIES[step], raw);
    const successorId = step === 'replace' ? uuidFromName(`successor:${ctx.commandId}`) : undefined;
    const stream = streamId('mentorship', mentorshipId);
    let loaded: LoadedMentorship | undefined;
    let decided: { on: LoadedMentorship; decision: Decision } | undefined;
    const outcome = await this.commands.handle({
      stream, ctx, onConflict: 'refuse',
      load: async () => {
        const m = (loaded = await this.repo.load(mentorshipId));
        if (m.revision < 0 || !canRead(ctx.actor, m.snapshot.context)) throw notFound('Наставничество');
        return { ...m, state: m.snapshot };
      },
      decide: async (m) => {
        const decision = await this.decide(step, body, m.state, ctx, successorId);
        decided = { on: loaded!, decision };
        return decision;
      },
      // A replacement that stopped between its appends is finished by deciding it again on the state it was decided on.
      completeReplay: successorId
        ? async (applied) => {
          const before = await this.repo.loadBefore(mentorshipId, applied.firstRevision);
          await this.commands.write(stream, applied.firstRevision - 1, ctx, await this.decide(step, body, before, ctx, successorId));
        }
        : undefined,
    });
    // The answer is built from the state decided on and the events just written, not from a second read.
    const mentorship = !outcome.replayed && decided ? this.repo.appended(decided.on, decided.decision.events, ctx, outcome.revision) : undefined;
    return { mentorshipId, successorId, ...outcome, mentorship };
  }

  private async decide(step: StepName, body: StepBody<StepName>, snapshot: MentorshipSnapshot, ctx: CommandContext, successorId?: string): Promise<Decision> {
    const env: StepEnv = { actor: ctx.actor, today: this.commands.today(), successorId };
    const role = rolesForStep(step, ctx.actor, snapshot.context)[0];
    if (!successorId) return mentorshipAppends(decideStep(step, body, snapshot, env), role);
    // The new mentor of a replacement: the same facts and §3.7 reservation as a proposal.
    const { newMentorId } = body as StepBody<'replace'>;
    const [facts, load] = await Promise.all([this.people.factsOf(newMentorId, ctx.actor.orgId), this.loads.loadOf(newMentorId, successorId)]);
    return mentorshipAppends(decideStep(step, body, snapshot, { ...env, newMentor: { facts, load: load.load } }), role, reservationAt(load));
  }
}
