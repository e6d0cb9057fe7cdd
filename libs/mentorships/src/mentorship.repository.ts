import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#libs/event-store';
import { appliedCommands, EventBoundedCache, type AppliedCommand } from '#libs/kernel';
import { streamId } from '#core/shared';
import { fold, initialSnapshot, parseMentorshipEvent, type MentorshipSnapshot } from '#core/mentorship';

export interface LoadedMentorship {
  id: string;
  streamId: string;
  /** Revision of the last event; -1 for a stream with no events. */
  revision: number;
  snapshot: MentorshipSnapshot;
  /** Shared by the loads of one stream and only ever added to: it may already know a command applied after `revision` (it was applied, so a retry is still recognised). */
  commands: Map<string, AppliedCommand>;
  /** Store time of each event by revision (for history views and grace windows); shared like `commands`, so read it up to `revision`. */
  created: string[];
}

/**
 * The cache holds at most this many events' worth of folded mentorships (~0.4 KB of memory per event
 * in the command index, stamps and context): a bound in entries let long streams fill the heap.
 */
const CACHE_EVENTS = 50_000;

/**
 * Loads a mentorship by folding its stream through the machine. Folded snapshots are cached
 * and only the events after the cached revision are read and folded, so loading stays cheap
 * however long the stream grows; the tail is always read, so another writer is never missed.
 */
@Injectable()
export class MentorshipRepository {
  private readonly cache = new EventBoundedCache<LoadedMentorship>(CACHE_EVENTS, (m) => m.revision + 1);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(id: string): Promise<LoadedMentorship> {
    const stream = streamId('mentorship', id);
    const cached = this.cache.get(stream);
    const base: LoadedMentorship = cached ?? { id, streamId: stream, revision: -1, snapshot: initialSnapshot(), commands: new Map(), created: [] };
    const tail = await this.store.readStream(stream, base.revision + 1);
    if (tail.length === 0) return base;
    const next = this.apply(base, tail);
    this.cache.set(stream, next);
    return next;
  }

  /** All stored events of a mentorship, as written (for history and as-of views). */
  readEvents(id: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId('mentorship', id));
  }

  /** The state just before a revision: for re-deciding a retried command exactly as the first time. */
  async loadBefore(id: string, revision: number): Promise<MentorshipSnapshot> {
    const events = await this.store.readStream(streamId('mentorship', id));
    return fold(events.filter((e) => e.revision < revision).map(parseMentorshipEvent));
  }

  /** Adds the tail in place to the stream's shared command index and stamps: copying them per load made a step O(stream length). */
  private apply(base: LoadedMentorship, tail: RecordedEvent[]): LoadedMentorship {
    appliedCommands(tail, base.commands);
    for (const e of tail) base.created[e.revision] = e.created;
    return {
      ...base,
      revision: tail[tail.length - 1].revision,
      snapshot: fold(tail.map(parseMentorshipEvent), base.snapshot),
    };
  }
}
