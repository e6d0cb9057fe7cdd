import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { canRead, evolve, initialSnapshot, parseMentorshipEvent, stateOf, type MentorshipEvent } from '#core/mentorship';
import { DomainError } from '#core/shared';
import { MentorshipRepository } from '#libs/mentorships';
import { UsersService } from '#libs/auth';
import { GetMentorshipHistoryQuery, type HistoryEntry } from './mentorship-history.query';

/** The documents a step rests on, by event type (§3.2 consents, §3.3/§3.8 orders). */
export function documentOf(e: MentorshipEvent): Record<string, string> | undefined {
  switch (e.type) {
    case 'ConsentRecorded': return { kind: e.data.given ? 'письменное согласие' : 'письменный отказ', ref: e.data.documentRef, date: e.data.date };
    case 'OrderIssued': return { kind: 'приказ о закреплении', number: e.data.number, date: e.data.date };
    case 'MentorReplaced': return { kind: 'приказ о замене наставника', number: e.data.orderNumber, date: e.data.date, consent: e.data.newMentorConsentRef };
    case 'MentorshipContinued': return { kind: 'приказ о замене наставника', number: e.data.orderNumber, date: e.data.date, consent: e.data.newMentorConsentRef };
    default: return undefined;
  }
}

/** Every event of a mentorship in order, with who, when, on which document, and the state after it. */
@QueryHandler(GetMentorshipHistoryQuery)
export class GetMentorshipHistoryHandler implements IQueryHandler<GetMentorshipHistoryQuery> {
  constructor(private readonly repo: MentorshipRepository, private readonly users: UsersService) {}

  async execute({ mentorshipId, actor }: GetMentorshipHistoryQuery) {
    const latest = await this.repo.load(mentorshipId);
    if (latest.revision < 0 || !canRead(actor, latest.snapshot.context)) {
      throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
    }
    let snapshot = initialSnapshot();
    const entries: HistoryEntry[] = [];
    for (const recorded of await this.repo.readEvents(mentorshipId)) {
      const event = parseMentorshipEvent(recorded);
      snapshot = evolve(snapshot, event);
      entries.push({
        revision: recorded.revision,
        type: recorded.type,
        businessDate: recorded.metadata.businessDate,
        recordedAt: recorded.created,
        actor: { userId: recorded.metadata.actorId, name: await this.users.nameOf(recorded.metadata.actorId), role: recorded.metadata.role },
        document: documentOf(event),
        data: recorded.data,
        stateAfter: stateOf(snapshot),
        commandId: recorded.metadata.commandId,
      });
    }
    return { mentorshipId, entries };
  }
}
