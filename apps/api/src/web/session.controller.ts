import { Controller, Get, Inject } from '@nestjs/common';
import { CurrentActor } from '../../../../libs/auth/src/current-actor.decorator';
import { UsersService } from '../../../../libs/auth/src/users.service';
import { STAFF_READERS } from '../../../../libs/projections/src/queries/read-access';
import { REPORT_READERS } from '../../../../libs/reports/src/monitoring-report.service';
import { APP_CONFIG, CLOCK, PeopleRepository, todayIn, type AppConfig, type Clock } from '../../../../libs/workflow/src';
import { authorizePropose } from '../../../../state-machines/mentorship';
import { ROLE_TITLES, type Actor } from '../../../../state-machines/people/roles';
import { mayRegisterPeople } from './may-register-people';
import { mayDestroyPersonalData } from '../../../../state-machines/people/people.decider';

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
      name: (await this.users.nameOf(actor.userId)) ?? ROLE_TITLES[actor.roles[0]],
      orgId: actor.orgId,
      roles: actor.roles,
      roleTitles: actor.roles.map((r) => ROLE_TITLES[r]),
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
      },
    };
  }
}
