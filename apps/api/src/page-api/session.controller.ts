import { Controller, Get, Inject } from '@nestjs/common';
import { CurrentActor, UsersService } from '#libs/auth';
import { STAFF_READERS } from '#libs/projections';
import { REPORT_READERS } from '#libs/reports';
import { APP_CONFIG, CLOCK, todayIn, type AppConfig, type Clock } from '#libs/kernel';
import { PeopleRepository } from '#libs/people';
import { authorizePropose } from '#core/mentorship';
import { ROLE_TITLES, type Actor, mayDestroyPersonalData } from '#core/people';
import { REGION_ROLE_TITLES } from '#core/region';
import { mayRegisterPeople } from './may-register-people';

/** `GET /api/session`: who the token belongs to, the organisation's today, and which sections they may use. */
@Controller('session')
export class SessionController {
  constructor(
    private readonly users: UsersService,
    private readonly people: PeopleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async get(@CurrentActor() actor: Actor) {
    const person = actor.personId ? (await this.people.person(actor.personId, actor.orgId)).state : undefined;
    const any = (roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));
    return {
      userId: actor.userId,
      name: (await this.users.nameOf(actor.userId)) ?? (actor.roles.length ? ROLE_TITLES[actor.roles[0]] : REGION_ROLE_TITLES[actor.region!.role]),
      orgId: actor.orgId,
      roles: actor.roles,
      roleTitles: [...actor.roles.map((r) => ROLE_TITLES[r]), ...(actor.region ? [REGION_ROLE_TITLES[actor.region.role]] : [])],
      /** An account above organisations: its role there (`system-admin`, `coordinator`), or null. */
      region: actor.region?.role ?? null,
      personId: actor.personId ?? null,
      personName: person?.fullName ?? null,
      today: todayIn(this.clock, this.config.timeZone),
      timeZone: this.config.timeZone,
      can: {
        propose: authorizePropose(actor) === null,
        managePeople: mayRegisterPeople(actor),
        destroyPersonalData: mayDestroyPersonalData(actor),
        readStaff: any(STAFF_READERS),
        readReports: any(REPORT_READERS),
        createUsers: actor.roles.includes('admin'),
        readRegion: actor.region?.role === 'coordinator',
      },
    };
  }
}
