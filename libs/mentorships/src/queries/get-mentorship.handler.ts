import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  availableSteps, canRead, fold, FORM_TITLES, parseMentorshipEvent, seesAgreementTerms, stateOf, STATE_TITLES, stepBodyJsonSchema, viewOf, visibleMenteeReports,
  type MentorshipState,
} from '#core/mentorship';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, notFound } from '#libs/kernel';
import { MentorshipRepository } from '../mentorship.repository';
import { PeopleRepository } from '#libs/people';
import { DomainError, businessDateOf, ruDate } from '#core/shared';
import { GetMentorshipQuery, type AsOf } from './get-mentorship.query';
import type { RecordedEvent } from '#libs/event-store';
import type { MentorshipDto, PersonRef } from './mentorship.dto';

@QueryHandler(GetMentorshipQuery)
export class GetMentorshipHandler implements IQueryHandler<GetMentorshipQuery> {
  constructor(
    private readonly repo: MentorshipRepository,
    private readonly people: PeopleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ mentorshipId, actor, atRevision: at, asOf, loaded }: GetMentorshipQuery): Promise<MentorshipDto> {
    const latest = loaded && !asOf && loaded.revision === at ? loaded : await this.repo.load(mentorshipId);
    if (latest.revision < 0 || !canRead(actor, latest.snapshot.context)) throw notFound('Наставничество');
    const past = asOf ? await this.resolveAsOf(mentorshipId, asOf) : undefined;
    const atRevision = past ? past.revision : at;
    const m = atRevision !== undefined && atRevision < latest.revision
      ? { ...latest, revision: atRevision, snapshot: past ? past.snapshot : await this.repo.loadBefore(mentorshipId, atRevision + 1) }
      : latest;
    const ctx = m.snapshot.context;
    if (atRevision !== undefined && atRevision < 0) {
      throw new DomainError({ kind: 'not-found', code: 'not-yet-existing', message: `На ${ruDate(asOf?.date ?? (asOf?.recorded ? businessDateOf(new Date(asOf.recorded), this.config.timeZone) : ''))} этого наставничества ещё не было.` });
    }
    const view = viewOf(m.snapshot, past?.today ?? todayIn(this.clock, this.config.timeZone));
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
      // A consent carried over from the predecessor pair is none to this pair (§3.7): it is not listed.
      consents: Object.entries(ctx.consents).filter(([, c]) => !c.inherited).map(([personId, c]) => ({ personId, ...c })),
      // The mentor's supplementary agreement and pay are the mentor's and the staff's (ТК РФ ст. 351.8), not the mentees'.
      order: ctx.order && !seesAgreementTerms(actor, ctx) ? { number: ctx.order.number, date: ctx.order.date } : ctx.order,
      program: ctx.program,
      acknowledgements: ctx.acknowledgements,
      extensions: ctx.extensions,
      completion: ctx.completion,
      mentorReport: ctx.mentorReport,
      // In a group, a mentee reads their own report and evaluation of the mentor, not the others' (§3.6).
      menteeReports: visibleMenteeReports(actor, ctx),
      replacementRequests: ctx.replacementRequests,
      replacement: ctx.replacement,
      publication: ctx.publication,
      withdrawal: ctx.withdrawal,
      lastStepDate: ctx.lastDate,
      deadlines: view.deadlines,
      warnings: view.warnings,
      asOf: past?.dto,
      availableSteps: (past ? [] : availableSteps(m.snapshot, actor)).map((s) => ({
        ...s, method: 'POST' as const, href: `/api/mentorships/${mentorshipId}/steps/${s.step}`, schema: stepBodyJsonSchema(s.step),
      })),
    };
  }

  /** The last revision dated (or recorded) by the given day or instant; -1 when there was none yet. */
  private async resolveAsOf(id: string, asOf: AsOf) {
    const events = await this.repo.readEvents(id);
    const lastWhere = (ok: (e: RecordedEvent) => boolean) => events.reduce((r, e) => (ok(e) ? e.revision : r), -1);
    // The events are already in hand: fold them here rather than reading the stream again.
    const upTo = (revision: number) => fold(events.filter((e) => e.revision <= revision).map(parseMentorshipEvent));
    if (asOf.date) {
      const date = asOf.date;
      const byDate = lastWhere((e) => (e.metadata.businessDate ?? e.created.slice(0, 10)) <= date);
      // What the system had recorded by the end of that day (in the organisation's zone).
      const byRecord = lastWhere((e) => businessDateOf(new Date(e.created), this.config.timeZone) <= date);
      const then = byRecord >= 0 ? stateOf(upTo(byRecord)) : 'new';
      return {
        revision: byDate,
        snapshot: upTo(byDate),
        today: date,
        dto: { date, revision: byDate, differs: byDate !== byRecord, asKnownThen: { revision: byRecord, state: then } },
      };
    }
    const recorded = asOf.recorded!;
    const revision = lastWhere((e) => Date.parse(e.created) <= Date.parse(recorded));
    return { revision, snapshot: upTo(revision), today: businessDateOf(new Date(recorded), this.config.timeZone), dto: { recorded, revision } };
  }
}
