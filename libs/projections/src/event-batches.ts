import type { RecordedEvent } from '#libs/event-store';

export interface EventBatch {
  events: RecordedEvent[];
  /** Nothing more was ready when the batch was cut: the subscription is (momentarily) caught up. */
  caughtUp: boolean;
}

const BLOCKED = Symbol('blocked');
const nextTurn = () => new Promise<typeof BLOCKED>((resolve) => setImmediate(() => resolve(BLOCKED)));

/**
 * Groups a catch-up subscription into batches, so one transaction carries many events: a batch
 * is cut at `maxSize`, or as soon as the next event is not already there (an event-loop turn
 * passes without one). While catching up events arrive without a turn in between, so batches are
 * full; live, each batch is what arrived together. The pending read is never dropped.
 */
export async function* eventBatches(source: AsyncIterable<RecordedEvent>, maxSize: number): AsyncGenerator<EventBatch> {
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
  let batch: RecordedEvent[] = [];
  let turn: Promise<typeof BLOCKED> | null = null;
  let idle = false;
  for (;;) {
    pending ??= it.next();
    let r: IteratorResult<RecordedEvent> | typeof BLOCKED;
    if (idle && batch.length === 0) {
      r = await pending;
    } else {
      turn ??= nextTurn();
      r = await Promise.race([pending, turn]);
    }
    if (r === BLOCKED) {
      turn = null;
      idle = batch.length === 0;
      yield { events: batch, caughtUp: true };
      batch = [];
      continue;
    }
    pending = null;
    if (r.done) {
      if (batch.length > 0) yield { events: batch, caughtUp: true };
      return;
    }
    idle = false;
    batch.push(r.value);
    if (batch.length >= maxSize) {
      turn = null;
      yield { events: batch, caughtUp: false };
      batch = [];
    }
  }
}
