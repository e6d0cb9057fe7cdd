import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/src/event-store.port';
import { streamId, type Category } from '../../../state-machines/shared/stream-id';
import {
  foldMentee, foldMentor, foldPerson, parsePeopleEvent, type MenteeState, type MentorState, type PersonState,
} from '../../../state-machines/people';

export interface Versioned<T> {
  state: T;
  /** Revision of the stream's last event, -1 when it has none. */
  revision: number;
  events: RecordedEvent[];
}

/** Reads the person, mentor-bank and mentee-bank streams of one organisation's staff. */
@Injectable()
export class PeopleRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async read<T>(category: Category, id: string, foldFn: (e: ReturnType<typeof parsePeopleEvent>[]) => T): Promise<Versioned<T>> {
    const events = await this.store.readStream(streamId(category, id));
    return { state: foldFn(events.map(parsePeopleEvent)), revision: events.length ? events[events.length - 1].revision : -1, events };
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
}
