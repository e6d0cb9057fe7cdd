import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#libs/event-store';
import { appliedCommands, EventBoundedCache, type AppliedCommand, type CommandContext, type DomainEvent } from '#libs/kernel';
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
    const base: LoadedMentorship = cached ?? { id, streamId: stream, revision: -1, snapshot: initialSnapshot(), commands: new Map() };
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

  /**
   * The mentorship right after a command of this process appended `events` to `before` (ending at
   * `revision`): folded from the events in hand, as a read would fold them back (JSON, then the event
   * schemas), and cached, so neither the answer nor the next step reads them again; undefined (the
   * answer then reads the stream) when they do not add up to `revision` or do not fold.
   */
  appended(before: LoadedMentorship, events: readonly DomainEvent[], ctx: Pick<CommandContext, 'commandId' | 'requestHash'>, revision: number): LoadedMentorship | undefined {
    if (revision !== before.revision + events.length) return undefined;
    let snapshot: MentorshipSnapshot;
    try {
      snapshot = fold(events.map((e) => parseMentorshipEvent({ type: e.type, data: JSON.parse(JSON.stringify(e.data)) })), before.snapshot);
    } catch {
      return undefined;
    }
    const prior = before.commands.get(ctx.commandId);
    before.commands.set(ctx.commandId, {
      firstRevision: prior?.firstRevision ?? before.revision + 1, lastRevision: Math.max(prior?.lastRevision ?? revision, revision), requestHash: prior?.requestHash ?? ctx.requestHash,
    });
    const next: LoadedMentorship = { ...before, revision, snapshot };
    const cached = this.cache.get(before.streamId);
    // Another load may already hold a later revision: it stays.
    if (!cached || cached.revision < revision) this.cache.set(before.streamId, next);
    return next;
  }

  /** The state just before a revision: for re-deciding a retried command exactly as the first time. */
  async loadBefore(id: string, revision: number): Promise<MentorshipSnapshot> {
    const events = await this.store.readStream(streamId('mentorship', id));
    return fold(events.filter((e) => e.revision < revision).map(parseMentorshipEvent));
  }

  /** Adds the tail in place to the stream's shared command index and stamps: copying them per load made a step O(stream length). */
  private apply(base: LoadedMentorship, tail: RecordedEvent[]): LoadedMentorship {
    appliedCommands(tail, base.commands);
    return {
      ...base,
      revision: tail[tail.length - 1].revision,
      snapshot: fold(tail.map(parseMentorshipEvent), base.snapshot),
    };
  }
}
