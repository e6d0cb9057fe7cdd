import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * An append whose answer was lost (the leader died after writing, a deadline passed) may be in the
 * stream already. The server recognises a repeat by its event ids where its checks reach; where they
 * do not (an `any` append whose ids a new leader never cached, a server answering
 * WrongExpectedVersion), the adapter looks for its own events: the same ids, contiguous, in order, at
 * the place the expected revision allows. Event ids derive from the command id, so nobody else
 * writes them.
 */

/** What to read to find them: from this revision, at most this many (a whole stream for `any`). */
export function ownAppendWindow(expected: ExpectedRevision, count: number): { fromRevision: number; maxCount?: number } {
  if (expected === 'no_stream') return { fromRevision: 0, maxCount: count };
  if (typeof expected === 'number') return { fromRevision: expected + 1, maxCount: count };
  return { fromRevision: 0 };
}

/** The answer the append would have had, when `read` holds it; `null` when it is not there. */
export function ownAppendIn(read: RecordedEvent[], events: NewEvent[], expected: ExpectedRevision): AppendResult | null {
  const at = read.findIndex((e) => e.id === events[0].id);
  if (at < 0) return null;
  const first = read[at].revision;
  if (expected === 'no_stream' && first !== 0) return null;
  if (typeof expected === 'number' && first !== expected + 1) return null;
  if (expected === 'stream_exists' && first === 0) return null;
  if (!events.every((e, i) => read[at + i]?.id === e.id)) return null;
  const last = read[at + events.length - 1];
  return { nextRevision: last.revision, position: last.position };
}
