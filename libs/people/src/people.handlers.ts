import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EVENT_STORE, type EventStore, type RecordedEvent } from '#libs/event-store';
import { streamId, type Category } from '#core/shared';
import {
  decideEnterMenteeBank, decideEnterMentorBank, decidePersonalDataConsent, decideRegisterPerson, decideWithdrawPersonalDataConsent,
  menteeBankBody, mentorBankBody, personalDataConsentBody, registerPersonBody, withdrawPersonalDataConsentBody, type PeopleEvent,
} from '#core/people';
import {
  APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, type CommandContext, envelope, uuidFromName, parseBody, concurrentChange, idempotencyKeyReused,
} from '#libs/kernel';
import { PeopleRepository } from './people.repository';
import {
  EnterBankCommand, RecordPersonalDataConsentCommand, RegisterPersonCommand, WithdrawPersonalDataConsentCommand, type PeopleResult,
} from './people.commands';

/** Appends a people decision once: a retry with the same command id returns the first answer. */
export async function appendOnce(
  store: EventStore, clock: Clock, category: Category, id: string, current: { revision: number; events: RecordedEvent[] },
  ctx: CommandContext, decide: () => PeopleEvent[],
): Promise<PeopleResult> {
  const mine = current.events.filter((e) => e.metadata.commandId === ctx.commandId);
  if (mine.length) {
    if (mine[0].metadata.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
    return { personId: id, revision: mine[mine.length - 1].revision, replayed: true };
  }
  const stream = streamId(category, id);
  const role = ctx.actor.roles.find((r) => r === 'curator' || r === 'head') ?? ctx.actor.roles[0];
  try {
    const r = await store.append(stream, envelope(stream, decide(), ctx, clock.now(), role), current.revision < 0 ? 'no_stream' : current.revision);
    return { personId: id, revision: r.nextRevision, replayed: false, position: r.position };
  } catch (error) {
    throw error instanceof ConcurrencyError ? concurrentChange() : error;
  }
}

export abstract class PeopleHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    protected readonly people: PeopleRepository,
    @Inject(CLOCK) protected readonly clock: Clock,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}
}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler extends PeopleHandler implements ICommandHandler<RegisterPersonCommand> {
  async execute({ body: raw, ctx }: RegisterPersonCommand): Promise<PeopleResult> {
    const body = parseBody(registerPersonBody, raw);
    const personId = ctx.idempotent ? uuidFromName(`person:${ctx.commandId}`) : randomUUID();
    const current = await this.people.person(personId, ctx.actor.orgId);
    return appendOnce(this.store, this.clock, 'person', personId, current, ctx, () => decideRegisterPerson(body, { actor: ctx.actor, personId }));
  }
}

@CommandHandler(RecordPersonalDataConsentCommand)
export class RecordPersonalDataConsentHandler extends PeopleHandler implements ICommandHandler<RecordPersonalDataConsentCommand> {
  async execute({ personId, body: raw, ctx }: RecordPersonalDataConsentCommand): Promise<PeopleResult> {
    const body = parseBody(personalDataConsentBody, raw);
    const current = await this.people.person(personId, ctx.actor.orgId);
    const today = todayIn(this.clock, this.config.timeZone);
    return appendOnce(this.store, this.clock, 'person', personId, current, ctx, () =>
      decidePersonalDataConsent(body, current.state, { actor: ctx.actor, personId, today }),
    );
  }
}

@CommandHandler(EnterBankCommand)
export class EnterBankHandler extends PeopleHandler implements ICommandHandler<EnterBankCommand> {
  async execute({ bank, body: raw, ctx }: EnterBankCommand): Promise<PeopleResult> {
    if (bank === 'mentor') {
      const body = parseBody(mentorBankBody, raw);
      const [person, mentor] = await Promise.all([this.people.person(body.personId, ctx.actor.orgId), this.people.mentor(body.personId)]);
      return appendOnce(this.store, this.clock, 'mentor', body.personId, mentor, ctx, () => decideEnterMentorBank(body, person.state, mentor.state, ctx.actor));
    }
    const body = parseBody(menteeBankBody, raw);
    const [person, mentee] = await Promise.all([this.people.person(body.personId, ctx.actor.orgId), this.people.mentee(body.personId)]);
    return appendOnce(this.store, this.clock, 'mentee', body.personId, mentee, ctx, () => decideEnterMenteeBank(body, person.state, mentee.state, ctx.actor));
  }
}

@CommandHandler(WithdrawPersonalDataConsentCommand)
export class WithdrawPersonalDataConsentHandler extends PeopleHandler implements ICommandHandler<WithdrawPersonalDataConsentCommand> {
  async execute({ personId, body: raw, ctx }: WithdrawPersonalDataConsentCommand): Promise<PeopleResult> {
    const body = parseBody(withdrawPersonalDataConsentBody, raw);
    const current = await this.people.person(personId, ctx.actor.orgId);
    const today = todayIn(this.clock, this.config.timeZone);
    return appendOnce(this.store, this.clock, 'person', personId, current, ctx, () =>
      decideWithdrawPersonalDataConsent(body, current.state, { actor: ctx.actor, personId, today }),
    );
  }
}
