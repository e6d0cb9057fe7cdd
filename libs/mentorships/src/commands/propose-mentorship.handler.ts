import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { decidePropose, proposeBody } from '#core/mentorship';
import { streamId } from '#core/shared';
import { StreamCommands, uuidFromName, type Decision } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import { mentorshipAppends } from '../mentorship.appends';
import { MentorLoadService, reservationAt } from '../mentor-load.service';
import { MenteeMentorships } from '../mentee-mentorships.index';
import { MentorshipRepository, type LoadedMentorship } from '../mentorship.repository';
import { ProposeMentorshipCommand, type StepResult } from './take-step.command';

@CommandHandler(ProposeMentorshipCommand)
export class ProposeMentorshipHandler implements ICommandHandler<ProposeMentorshipCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly repo: MentorshipRepository,
    private readonly people: PeopleRepository,
    private readonly loads: MentorLoadService,
    private readonly menteeMentorships: MenteeMentorships,
  ) {}

  async execute({ body: raw, ctx }: ProposeMentorshipCommand): Promise<StepResult> {
    const body = this.commands.parse(proposeBody, raw);
    // With an Idempotency-Key the new id derives from the command, so a retry finds its own mentorship.
    const mentorshipId = ctx.idempotent ? uuidFromName(`mentorship:${ctx.commandId}`) : randomUUID();
    const orgId = ctx.actor.orgId;
    let loaded: LoadedMentorship | undefined;
    let decided: { on: LoadedMentorship; decision: Decision } | undefined;
    const outcome = await this.commands.handle({
      stream: streamId('mentorship', mentorshipId), ctx,
      // Only the same command can race for this new stream: decided again, it finds itself applied.
      onConflict: 'decide-again',
      load: async () => {
        const m = (loaded = await this.repo.load(mentorshipId));
        return { ...m, state: m.snapshot };
      },
      decide: async () => {
        const [mentor, mentees, load, otherUnfinished] = await Promise.all([
          this.people.factsOf(body.mentorId, orgId),
          Promise.all(body.menteeIds.map((id) => this.people.factsOf(id, orgId))),
          this.loads.loadOf(body.mentorId, mentorshipId),
          this.menteeMentorships.unfinishedOf(body.menteeIds, mentorshipId),
        ]);
        const decision = decidePropose(body, {
          actor: ctx.actor, today: this.commands.today(), mentorshipId, mentor, mentees, mentorLoad: load.load, otherUnfinished,
        });
        decided = { on: loaded!, decision: mentorshipAppends(decision, 'curator', reservationAt(load)) };
        return decided.decision;
      },
    });
    const mentorship = !outcome.replayed && decided ? this.repo.appended(decided.on, decided.decision.events, ctx, outcome.revision) : undefined;
    return { mentorshipId, ...outcome, mentorship };
  }
}
