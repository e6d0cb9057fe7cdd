import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_KEY_STORE, type PersonalKeyStore } from '#libs/personal-data';
import { decideDestroyPersonalData, destroyPersonalDataBody } from '#core/people';
import { streamId } from '#core/shared';
import { CLOCK, StreamCommands, type Clock } from '#libs/kernel';
import { DestroyPersonalDataCommand, PeopleRepository, PersonalDataErased, staffRole, type PeopleResult } from '#libs/people';
import { MentorLoadService } from '../mentor-load.service';

/**
 * The destruction record is appended first, then the key is destroyed: a crash in between leaves a
 * record whose key still exists, and a retry (same Idempotency-Key) or the next attempt destroys it.
 * Here rather than with the other staff commands: it is refused while an unfinished mentorship names the person.
 */
@CommandHandler(DestroyPersonalDataCommand)
export class DestroyPersonalDataHandler implements ICommandHandler<DestroyPersonalDataCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly people: PeopleRepository,
    private readonly loads: MentorLoadService,
    @Inject(PERSONAL_KEY_STORE) private readonly keys: PersonalKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async execute({ personId, body: raw, ctx }: DestroyPersonalDataCommand): Promise<PeopleResult> {
    const body = this.commands.parse(destroyPersonalDataBody, raw);
    const current = await this.people.person(personId, ctx.actor.orgId);
    const done = current.state?.personalDataDestroyed;
    if (done && ctx.actor.roles.includes('head') && (await this.keys.existingKey(personId))) {
      // The record is there but the key survived a crash: finish what the order asked for.
      await this.finish(personId);
      return { personId, revision: current.revision, replayed: true };
    }
    const unfinishedMentorships = done ? 0 : await this.loads.unfinishedMentorshipsOf(personId);
    const outcome = await this.commands.handle({
      stream: streamId('person', personId), ctx, onConflict: 'refuse',
      load: () => this.people.person(personId, ctx.actor.orgId),
      decide: (person) => ({
        events: decideDestroyPersonalData(body, person.state, { actor: ctx.actor, personId, today: this.commands.today(), unfinishedMentorships }),
        role: staffRole(ctx.actor),
      }),
    });
    await this.finish(personId);
    return { personId, ...outcome };
  }

  private async finish(personId: string): Promise<void> {
    await this.keys.destroy(personId, this.clock.now().toISOString());
    this.people.forget(personId);
    this.events.publish(new PersonalDataErased(personId));
  }
}
