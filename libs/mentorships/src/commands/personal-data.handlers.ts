import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { PERSONAL_KEY_STORE, type PersonalKeyStore } from '#libs/personal-data';
import { decideDestroyPersonalData, destroyPersonalDataBody } from '#core/people';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, parseBody } from '#libs/kernel';
import { PersonalDataErased, PeopleRepository, appendOnce, DestroyPersonalDataCommand, type PeopleResult } from '#libs/people';
import { MentorLoadService } from '../mentor-load.service';

/**
 * The destruction record is appended first, then the key is destroyed: a crash in between leaves a
 * record whose key still exists, and a retry (same Idempotency-Key) or the next attempt destroys it.
 */
@CommandHandler(DestroyPersonalDataCommand)
export class DestroyPersonalDataHandler implements ICommandHandler<DestroyPersonalDataCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly people: PeopleRepository,
    private readonly loads: MentorLoadService,
    @Inject(PERSONAL_KEY_STORE) private readonly keys: PersonalKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventBus,
  ) {}

  async execute({ personId, body: raw, ctx }: DestroyPersonalDataCommand): Promise<PeopleResult> {
    const body = parseBody(destroyPersonalDataBody, raw);
    const current = await this.people.person(personId, ctx.actor.orgId);
    const today = todayIn(this.clock, this.config.timeZone);
    const done = current.state?.personalDataDestroyed;
    if (done && ctx.actor.roles.includes('head') && (await this.keys.existingKey(personId))) {
      // The record is there but the key survived a crash: finish what the order asked for.
      await this.finish(personId);
      return { personId, revision: current.revision, replayed: true };
    }
    const unfinishedMentorships = done ? 0 : await this.loads.unfinishedMentorshipsOf(personId);
    const result = await appendOnce(this.store, this.clock, 'person', personId, current, ctx, () =>
      decideDestroyPersonalData(body, current.state, { actor: ctx.actor, personId, today, unfinishedMentorships }),
    );
    await this.finish(personId);
    return result;
  }

  private async finish(personId: string): Promise<void> {
    await this.keys.destroy(personId, this.clock.now().toISOString());
    this.people.forget(personId);
    this.events.publish(new PersonalDataErased(personId));
  }
}
