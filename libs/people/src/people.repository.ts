import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#libs/event-store';
import { appliedCommands, EventBoundedCache, type CommandStream } from '#libs/kernel';
import { streamId, type Category } from '#core/shared';
import {
  foldMentee, foldMentor, foldPerson, hasPersonalDataConsent, parsePeopleEvent, type MenteeState, type MentorState, type PersonState,
} from '#core/people';
import type { PersonFacts } from '#core/mentorship';

/** A staff stream folded: what commands decide on (`revision` -1 when it has none), with its events. */
export interface Versioned<T> extends CommandStream<T> {
  events: RecordedEvent[];
}

/** At most this many events held (~1.3 KB each, kept whole: a mentor's reservations are read from them); a bound in streams let mentors' long streams fill the heap. */
const CACHE_EVENTS = 10_000;

/**
 * Reads the person, mentor-bank and mentee-bank streams of one organisation's staff. Every view of
 * a mentorship names its people, so each stream's fold is cached; the tail is always read, so a
 * write by another process is never missed, and a stream is refolded only when it grew.
 */
@Injectable()
export class PeopleRepository {
  private readonly cache = new EventBoundedCache<Versioned<unknown>>(CACHE_EVENTS, (v) => v.events.length);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async read<T>(category: Category, id: string, foldFn: (e: ReturnType<typeof parsePeopleEvent>[]) => T): Promise<Versioned<T>> {
    const stream = streamId(category, id);
    const cached = this.cache.get(stream) as Versioned<T> | undefined;
    const tail = await this.store.readStream(stream, (cached?.revision ?? -1) + 1);
    if (cached && tail.length === 0) return cached;
    const events = cached ? [...cached.events, ...tail] : tail;
    const read: Versioned<T> = {
      state: foldFn(events.map(parsePeopleEvent)),
      revision: events.length ? events[events.length - 1].revision : -1,
      events,
      commands: appliedCommands(tail, cached ? new Map(cached.commands) : undefined),
    };
    // A stream that does not exist yet is not cached: it is read again until it does.
    if (read.revision >= 0) this.cache.set(stream, read);
    return read;
  }

  /** Drops what is cached of a person's streams (after their key is destroyed, no decrypted name stays in memory). */
  forget(personId: string): void {
    for (const category of ['person', 'mentor', 'mentee'] as const) this.cache.delete(streamId(category, personId));
  }

  /** The person as the given organisation sees them: someone of another organisation does not exist here. */
  async person(id: string, orgId: string): Promise<Versioned<PersonState | undefined>> {
    const v = await this.read('person', id, foldPerson);
    return v.state && v.state.orgId !== orgId ? { ...v, state: undefined } : v;
  }

  mentor(id: string): Promise<Versioned<MentorState>> {
    return this.read('mentor', id, foldMentor);
  }

  mentee(id: string): Promise<Versioned<MenteeState>> {
    return this.read('mentee', id, foldMentee);
  }

  /** What a decision needs to know about a person it names (a proposal, a replacement, a roadmap step, a survey). */
  async factsOf(personId: string, orgId: string): Promise<PersonFacts> {
    const [person, mentor, mentee] = await Promise.all([this.person(personId, orgId), this.mentor(personId), this.mentee(personId)]);
    return {
      personId,
      exists: !!person.state,
      personalDataConsent: hasPersonalDataConsent(person.state),
      inMentorBank: !!person.state && mentor.state.inBank,
      inMenteeBank: !!person.state && mentee.state.inBank,
      firstWorkingDay: person.state?.firstWorkingDay,
    };
  }
}
