import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { canRead, eventTitle, evolve, initialSnapshot, parseMentorshipEvent, seesAgreementTerms, seesMenteeReport, stateOf, type MentorshipEvent } from '#core/mentorship';
import { DomainError, streamId } from '#core/shared';
import { UsersService } from '#libs/auth';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { namesOf, ReadModels } from '#libs/projections';
import { eventFields } from './event-fields';
import { GetMentorshipHistoryQuery, type HistoryEntry } from './mentorship-history.query';

/** The documents a step rests on, by event type (§3.2 consents, §3.3/§3.8 orders). */
export function documentOf(e: MentorshipEvent): Record<string, string> | undefined {
  switch (e.type) {
    case 'ConsentRecorded': return { kind: e.data.given ? 'письменное согласие' : 'письменный отказ', ref: e.data.documentRef, date: e.data.date };
    case 'OrderIssued': return { kind: 'приказ о закреплении', number: e.data.number, date: e.data.date };
    case 'MentorReplaced': return { kind: 'приказ о замене наставника', number: e.data.orderNumber, date: e.data.date, consent: e.data.newMentorConsentRef };
    case 'MentorshipContinued': return { kind: 'приказ о замене наставника', number: e.data.orderNumber, date: e.data.date, consent: e.data.newMentorConsentRef };
    case 'MentorshipEndedEarly': return { kind: 'письменное уведомление о досрочном прекращении наставничества', ref: e.data.noticeRef, date: e.data.noticeDate };
    default: return undefined;
  }
}

/** Every event of a mentorship in order, with who, when, on which document, and the state after it. */
@QueryHandler(GetMentorshipHistoryQuery)
export class GetMentorshipHistoryHandler implements IQueryHandler<GetMentorshipHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly users: UsersService, private readonly readModels: ReadModels) {}

  async execute({ mentorshipId, actor }: GetMentorshipHistoryQuery) {
    // The stream as stored, folded here step by step: the audit reads the log, not the command side's cache.
    const recordedEvents = await this.store.readStream(streamId('mentorship', mentorshipId));
    let snapshot = initialSnapshot();
    const steps = recordedEvents.map((recorded) => {
      const event = parseMentorshipEvent(recorded);
      snapshot = evolve(snapshot, event);
      return { recorded, event, stateAfter: stateOf(snapshot) };
    });
    if (steps.length === 0 || !canRead(actor, snapshot.context)) {
      throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
    }
    const entries: HistoryEntry[] = [];
    const names = new Map<string, string>();
    const name = (id: string) => {
      if (!names.has(id)) names.set(id, namesOf(this.readModels, actor.orgId, [id]).get(id) ?? 'сотрудник');
      return names.get(id)!;
    };
    for (const { recorded, event, stateAfter } of steps) {
      // Another mentee's report: that it was submitted and when, not what it says or how it rates the mentor (§3.6).
      const hidden = event.type === 'MenteeReportSubmitted' && !seesMenteeReport(actor, snapshot.context, event.data.personId)
        ? { personId: event.data.personId, date: event.data.date }
        : undefined;
      // The mentor's supplementary agreement (with the pay) is not the mentees' to read (ТК РФ ст. 351.8).
      const terms = (event.type === 'OrderIssued' || event.type === 'MentorshipContinued') && event.data.agreement && !seesAgreementTerms(actor, snapshot.context)
        ? Object.fromEntries(Object.entries(recorded.data as Record<string, unknown>).filter(([k]) => k !== 'agreement'))
        : undefined;
      const data = hidden ?? terms ?? recorded.data;
      entries.push({
        revision: recorded.revision,
        type: recorded.type,
        title: eventTitle(recorded.type),
        businessDate: recorded.metadata.businessDate,
        recordedAt: recorded.created,
        actor: { userId: recorded.metadata.actorId, name: await this.users.nameOf(recorded.metadata.actorId), role: recorded.metadata.role },
        document: documentOf(event),
        data,
        fields: eventFields(recorded.type, data, { name }),
        ...(hidden ? { withheld: ['text', 'mentorEvaluation'] } : terms ? { withheld: ['agreement'] } : {}),
        stateAfter,
        commandId: recorded.metadata.commandId,
      });
    }
    return { mentorshipId, entries };
  }
}
