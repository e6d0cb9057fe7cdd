import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/src/event-store.port';
import { streamId } from '../../../state-machines/shared/stream-id';
import { fold, initialSnapshot, parseMentorshipEvent, type MentorshipSnapshot } from '../../../state-machines/mentorship';

/** Commands already applied to a stream, for idempotent retries. */
export interface AppliedCommand {
  firstRevision: number;
  lastRevision: number;
  requestHash?: string;
}

export interface LoadedMentorship {
  id: string;
  streamId: string;
  /** Revision of the last event; -1 for a stream with no events. */
  revision: number;
  snapshot: MentorshipSnapshot;
  commands: Map<string, AppliedCommand>;
  /** Store time of each event by revision (for history views and grace windows). */
  created: string[];
}

const CACHE_LIMIT = 10_000;

/**
 * Loads a mentorship by folding its stream through the machine. Folded snapshots are cached
 * and only the events after the cached revision are read and folded, so loading stays cheap
 * however long the stream grows; the tail is always read, so another writer is never missed.
 */
@Injectable()
export class MentorshipRepository {
  private readonly cache = new Map<string, LoadedMentorship>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(id: string): Promise<LoadedMentorship> {
    const stream = streamId('mentorship', id);
    const cached = this.cache.get(stream);
    const base: LoadedMentorship = cached ?? { id, streamId: stream, revision: -1, snapshot: initialSnapshot(), commands: new Map(), created: [] };
    const tail = await this.store.readStream(stream, base.revision + 1);
    if (tail.length === 0) return base;
    const next = this.apply(base, tail);
    this.remember(next);
    return next;
  }

  /** The state just before a revision: for re-deciding a retried command exactly as the first time. */
  async loadBefore(id: string, revision: number): Promise<MentorshipSnapshot> {
    const events = await this.store.readStream(streamId('mentorship', id));
    return fold(events.filter((e) => e.revision < revision).map(parseMentorshipEvent));
  }

  private apply(base: LoadedMentorship, tail: RecordedEvent[]): LoadedMentorship {
    const commands = new Map(base.commands);
    for (const e of tail) {
      const prior = commands.get(e.metadata.commandId);
      commands.set(e.metadata.commandId, {
        firstRevision: prior?.firstRevision ?? e.revision,
        lastRevision: e.revision,
        requestHash: e.metadata.requestHash,
      });
    }
    return {
      ...base,
      revision: tail[tail.length - 1].revision,
      snapshot: fold(tail.map(parseMentorshipEvent), base.snapshot),
      commands,
      created: [...base.created, ...tail.map((e) => e.created)],
    };
  }

  private remember(loaded: LoadedMentorship): void {
    this.cache.delete(loaded.streamId);
    this.cache.set(loaded.streamId, loaded);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }
}
