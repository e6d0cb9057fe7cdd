import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#libs/event-store';
import { evolve, initialSnapshot, parseMentorshipEvent, stateOf, type MentorshipSnapshot } from '#core/mentorship';
import { businessDateOf, DomainError, parseStreamId } from '#core/shared';
import { APP_CONFIG, type AppConfig } from '#libs/kernel';
import { GetOrganisationAsOfQuery, type OrganisationAsOf } from './organisation-as-of.query';

const READERS = ['auditor', 'head', 'curator', 'methodist', 'admin'];

/**
 * The organisation on a given day, replayed from the log: who mentored whom, the banks and the
 * personal-data consents. Steps count by their business date; bank entries, which carry none, by
 * the day they were recorded.
 */
@QueryHandler(GetOrganisationAsOfQuery)
export class GetOrganisationAsOfHandler implements IQueryHandler<GetOrganisationAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async execute({ actor, date }: GetOrganisationAsOfQuery): Promise<OrganisationAsOf> {
    if (!actor.roles.some((r) => READERS.includes(r))) {
      throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §3.4', message: 'Сведения об организации на дату доступны заведующему, куратору, методическому совету и аудитору.' });
    }
    const dayOf = (e: RecordedEvent) => e.metadata.businessDate ?? businessDateOf(new Date(e.created), this.config.timeZone);
    const mentorships = new Map<string, MentorshipSnapshot>();
    const out: OrganisationAsOf = { orgId: actor.orgId, date, mentorships: [], mentorBank: [], menteeBank: [], personalDataConsents: [], events: 0 };
    // Keyed by person: the latest consent of each, and who has withdrawn (out of the banks from then on).
    const consents = new Map<string, OrganisationAsOf['personalDataConsents'][number]>();
    const withdrawn = new Set<string>();
    let after;
    for (;;) {
      const batch = await this.store.readAll({ after, maxCount: 5000, streamPrefixes: ['mentorship-', 'mentor-', 'mentee-', 'person-'] });
      for (const e of batch) {
        after = e.position;
        if (e.metadata.orgId !== actor.orgId || dayOf(e) > date) continue;
        out.events++;
        const { category, id } = parseStreamId(e.streamId);
        if (category === 'mentorship') mentorships.set(id, evolve(mentorships.get(id) ?? initialSnapshot(), parseMentorshipEvent(e)));
        else if (e.type === 'MentorBankEntered') out.mentorBank.push({ personId: id, since: dayOf(e) });
        else if (e.type === 'MenteeBankEntered') out.menteeBank.push({ personId: id, since: dayOf(e) });
        else if (e.type === 'PersonalDataConsentRecorded') {
          const d = e.data as { date: string; documentRef: string };
          consents.set(id, { personId: id, date: d.date, documentRef: d.documentRef });
          withdrawn.delete(id);
        } else if (e.type === 'PersonalDataConsentWithdrawn') {
          // A withdrawn consent is history, not a consent in force on that date; processing (the banks) stops with it.
          const d = e.data as { date: string; documentRef: string };
          const given = consents.get(id);
          if (given) consents.set(id, { ...given, withdrawn: { date: d.date, documentRef: d.documentRef } });
          withdrawn.add(id);
        }
      }
      if (batch.length < 5000) break;
    }
    out.personalDataConsents = [...consents.values()];
    out.mentorBank = out.mentorBank.filter((m) => !withdrawn.has(m.personId));
    out.menteeBank = out.menteeBank.filter((m) => !withdrawn.has(m.personId));
    for (const [id, s] of mentorships) {
      const c = s.context;
      out.mentorships.push({ id, state: stateOf(s), mentorId: c.mentorId, menteeIds: c.mentees.map((m) => m.personId), form: c.form, topic: c.topic });
    }
    return out;
  }
}
