import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  availableSteps, canRead, FORM_TITLES, STATE_TITLES, stepBodyJsonSchema, viewOf, type MentorshipState,
} from '../../../../state-machines/mentorship';
import { APP_CONFIG, type AppConfig } from '../config';
import { MentorshipRepository } from '../mentorship.repository';
import { PeopleRepository } from '../people.repository';
import { CLOCK, todayIn, type Clock } from '../support/clock';
import { notFound } from '../support/refusals';
import { GetMentorshipQuery } from './get-mentorship.query';
import type { MentorshipDto, PersonRef } from './mentorship.dto';

@QueryHandler(GetMentorshipQuery)
export class GetMentorshipHandler implements IQueryHandler<GetMentorshipQuery> {
  constructor(
    private readonly repo: MentorshipRepository,
    private readonly people: PeopleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ mentorshipId, actor, atRevision }: GetMentorshipQuery): Promise<MentorshipDto> {
    const latest = await this.repo.load(mentorshipId);
    if (latest.revision < 0 || !canRead(actor, latest.snapshot.context)) throw notFound('Наставничество');
    const m = atRevision !== undefined && atRevision < latest.revision
      ? { ...latest, revision: atRevision, snapshot: await this.repo.loadBefore(mentorshipId, atRevision + 1) }
      : latest;
    const ctx = m.snapshot.context;
    const view = viewOf(m.snapshot, todayIn(this.clock, this.config.timeZone));
    const ref = async (personId: string): Promise<PersonRef> => {
      const p = (await this.people.person(personId, ctx.orgId)).state;
      return { personId, fullName: p?.fullName, position: p?.position, firstWorkingDay: p?.firstWorkingDay };
    };
    return {
      id: mentorshipId,
      orgId: ctx.orgId,
      state: view.state,
      stateTitle: STATE_TITLES[view.state as MentorshipState],
      revision: m.revision,
      mentor: await ref(ctx.mentorId),
      mentees: await Promise.all(ctx.mentees.map((x) => ref(x.personId))),
      form: ctx.form,
      formTitle: FORM_TITLES[ctx.form],
      topic: ctx.topic,
      plannedStart: ctx.plannedStart,
      plannedEnd: ctx.plannedEnd,
      predecessorId: ctx.predecessorId,
      successorId: ctx.replacement?.successorId,
      consents: Object.entries(ctx.consents).map(([personId, c]) => ({ personId, ...c })),
      order: ctx.order,
      program: ctx.program,
      acknowledgements: ctx.acknowledgements,
      extensions: ctx.extensions,
      completion: ctx.completion,
      mentorReport: ctx.mentorReport,
      menteeReports: ctx.menteeReports,
      replacementRequests: ctx.replacementRequests,
      replacement: ctx.replacement,
      publication: ctx.publication,
      withdrawal: ctx.withdrawal,
      lastStepDate: ctx.lastDate,
      deadlines: view.deadlines,
      warnings: view.warnings,
      availableSteps: availableSteps(m.snapshot, actor).map((s) => ({
        ...s, method: 'POST' as const, href: `/api/mentorships/${mentorshipId}/steps/${s.step}`, schema: stepBodyJsonSchema(s.step),
      })),
    };
  }
}
