import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { streamId } from '#core/shared';
import {
  decideEnterMenteeBank, decideEnterMentorBank, decidePersonalDataConsent, decideRegisterPerson, decideWithdrawPersonalDataConsent,
  menteeBankBody, mentorBankBody, personalDataConsentBody, registerPersonBody, withdrawPersonalDataConsentBody,
  type Actor,
} from '#core/people';
import { StreamCommands, uuidFromName } from '#libs/kernel';
import { PeopleRepository } from './people.repository';
import {
  EnterBankCommand, RecordPersonalDataConsentCommand, RegisterPersonCommand, WithdrawPersonalDataConsentCommand, type PeopleResult,
} from './people.commands';
import { ConsentWithdrawalRecorded } from './consent-withdrawal-recorded.event';

/** The role staff records are written under: the curator keeps them, the head may. */
export const staffRole = (actor: Actor): string => actor.roles.find((r) => r === 'curator' || r === 'head') ?? actor.roles[0];

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly commands: StreamCommands, private readonly people: PeopleRepository) {}

  async execute({ body: raw, ctx }: RegisterPersonCommand): Promise<PeopleResult> {
    const body = this.commands.parse(registerPersonBody, raw);
    const personId = ctx.idempotent ? uuidFromName(`person:${ctx.commandId}`) : randomUUID();
    const outcome = await this.commands.handle({
      stream: streamId('person', personId), ctx, onConflict: 'refuse',
      load: () => this.people.person(personId, ctx.actor.orgId),
      decide: () => ({ events: decideRegisterPerson(body, { actor: ctx.actor, personId, today: this.commands.today() }), role: staffRole(ctx.actor) }),
    });
    return { personId, ...outcome };
  }
}

@CommandHandler(RecordPersonalDataConsentCommand)
export class RecordPersonalDataConsentHandler implements ICommandHandler<RecordPersonalDataConsentCommand> {
  constructor(private readonly commands: StreamCommands, private readonly people: PeopleRepository) {}

  async execute({ personId, body: raw, ctx }: RecordPersonalDataConsentCommand): Promise<PeopleResult> {
    const body = this.commands.parse(personalDataConsentBody, raw);
    const outcome = await this.commands.handle({
      stream: streamId('person', personId), ctx, onConflict: 'refuse',
      load: () => this.people.person(personId, ctx.actor.orgId),
      decide: (person) => ({
        events: decidePersonalDataConsent(body, person.state, { actor: ctx.actor, personId, today: this.commands.today() }), role: staffRole(ctx.actor),
      }),
    });
    return { personId, ...outcome };
  }
}

@CommandHandler(EnterBankCommand)
export class EnterBankHandler implements ICommandHandler<EnterBankCommand> {
  constructor(private readonly commands: StreamCommands, private readonly people: PeopleRepository) {}

  async execute({ bank, body: raw, ctx }: EnterBankCommand): Promise<PeopleResult> {
    const role = staffRole(ctx.actor);
    if (bank === 'mentor') {
      const body = this.commands.parse(mentorBankBody, raw);
      const person = await this.people.person(body.personId, ctx.actor.orgId);
      const outcome = await this.commands.handle({
        stream: streamId('mentor', body.personId), ctx, onConflict: 'refuse',
        load: () => this.people.mentor(body.personId),
        decide: (mentor) => ({ events: decideEnterMentorBank(body, person.state, mentor.state, ctx.actor), role }),
      });
      return { personId: body.personId, ...outcome };
    }
    const body = this.commands.parse(menteeBankBody, raw);
    const person = await this.people.person(body.personId, ctx.actor.orgId);
    const outcome = await this.commands.handle({
      stream: streamId('mentee', body.personId), ctx, onConflict: 'refuse',
      load: () => this.people.mentee(body.personId),
      decide: (mentee) => ({ events: decideEnterMenteeBank(body, person.state, mentee.state, ctx.actor), role }),
    });
    return { personId: body.personId, ...outcome };
  }
}

/** Published after the withdrawal is written (a retry too): the accounts of the person stop in this process before the answer. */
@CommandHandler(WithdrawPersonalDataConsentCommand)
export class WithdrawPersonalDataConsentHandler implements ICommandHandler<WithdrawPersonalDataConsentCommand> {
  constructor(private readonly commands: StreamCommands, private readonly people: PeopleRepository, private readonly events: EventBus) {}

  async execute({ personId, body: raw, ctx }: WithdrawPersonalDataConsentCommand): Promise<PeopleResult> {
    const body = this.commands.parse(withdrawPersonalDataConsentBody, raw);
    const outcome = await this.commands.handle({
      stream: streamId('person', personId), ctx, onConflict: 'refuse',
      load: () => this.people.person(personId, ctx.actor.orgId),
      decide: (person) => ({
        events: decideWithdrawPersonalDataConsent(body, person.state, { actor: ctx.actor, personId, today: this.commands.today() }), role: staffRole(ctx.actor),
      }),
    });
    this.events.publish(new ConsentWithdrawalRecorded(personId, ctx.actor.orgId));
    return { personId, ...outcome };
  }
}
