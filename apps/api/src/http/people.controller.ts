import { positionOf, type HttpRequest } from '#libs/kernel';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { DestroyPersonalDataCommand, EnterBankCommand, PeopleRepository, RecordPersonalDataConsentCommand, RegisterPersonCommand, WithdrawPersonalDataConsentCommand } from '#libs/people';
import { MentorLoadService } from '#libs/mentorships';
import { MAX_MENTEES_PER_MENTOR } from '#core/mentorship';
import { DomainError } from '#core/shared';
import { genderOf } from '#libs/russian-names';
import { commandContext } from './request-context';


const READERS = ['admin', 'head', 'curator', 'methodist', 'auditor'];

@Controller()
export class PeopleController {
  constructor(private readonly commands: CommandBus, private readonly people: PeopleRepository, private readonly loads: MentorLoadService) {}

  @Post('people')
  @HttpCode(201)
  async register(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new RegisterPersonCommand(body, commandContext(req, actor, body, 'person')));
    // The page words its next step by it («Запишите её согласие»): from the patronymic, null when it tells none.
    const gender = genderOf(String((body as { fullName?: unknown }).fullName ?? ''));
    return { id: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r), gender };
  }

  @Post('people/:id/consent')
  @HttpCode(201)
  async consent(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new RecordPersonalDataConsentCommand(id, body, commandContext(req, actor, body, `person:${id}:consent`)));
    return { id: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r) };
  }

  /** The person's written withdrawal of consent: processing stops (152-ФЗ, ст. 9). */
  @Post('people/:id/consent-withdrawal')
  @HttpCode(201)
  async withdrawConsent(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new WithdrawPersonalDataConsentCommand(id, body, commandContext(req, actor, body, `person:${id}:consent-withdrawal`)));
    return { id: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r) };
  }

  /** Destruction on the head's order: the record stays in the log, the person's key is destroyed (152-ФЗ, ст. 21). */
  @Post('people/:id/personal-data-destruction')
  @HttpCode(201)
  async destroyPersonalData(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new DestroyPersonalDataCommand(id, body, commandContext(req, actor, body, `person:${id}:destruction`)));
    return { id: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r) };
  }

  @Post('mentor-bank')
  @HttpCode(201)
  async mentorBank(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new EnterBankCommand('mentor', body, commandContext(req, actor, body, 'mentor-bank')));
    return { personId: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r) };
  }

  @Post('mentee-bank')
  @HttpCode(201)
  async menteeBank(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const r = await this.commands.execute(new EnterBankCommand('mentee', body, commandContext(req, actor, body, 'mentee-bank')));
    return { personId: r.personId, revision: r.revision, replayed: r.replayed, position: positionOf(r) };
  }

  /** A staff member with their bank entries and, for a mentor, the current load against the limit of 3. */
  @Get('people/:id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const self = actor.personId === id;
    const person = (await this.people.person(id, actor.orgId)).state;
    if (!person || (!self && !actor.roles.some((r) => READERS.includes(r)))) {
      throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Сотрудник не найден.' });
    }
    const [mentor, mentee, load] = await Promise.all([this.people.mentor(id), this.people.mentee(id), this.loads.loadOf(id)]);
    return {
      ...person,
      mentorBank: mentor.state.inBank ? { competences: mentor.state.competences } : null,
      menteeBank: mentee.state.inBank ? { requests: mentee.state.requests } : null,
      mentorLoad: { current: load.load, limit: MAX_MENTEES_PER_MENTOR, mentorships: load.mentorships },
    };
  }
}
