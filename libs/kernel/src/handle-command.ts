import { ConcurrencyError, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import type { Clock } from './clock';
import type { CommandContext } from './command-context';
import { envelope } from './envelope';
import { concurrentChange, idempotencyKeyReused, staleRevision } from './refusals';

export interface LoadedStream {
  /** Revision of the last event, -1 for an empty stream. */
  revision: number;
  events: RecordedEvent[];
}

export interface Written {
  revision: number;
  replayed: boolean;
  /** Where the write landed in the log (absent on a replay): for read-your-writes queries. */
  position?: LogPosition;
}

export const readStream = async (store: EventStore, stream: string): Promise<LoadedStream> => {
  const events = await store.readStream(stream);
  return { revision: events.length ? events[events.length - 1].revision : -1, events };
};

const ATTEMPTS = 10;

/**
 * Load, decide, append with the stream's revision. A command already applied (same Idempotency-Key)
 * returns its first answer; `If-Match` must name the current revision; without it a concurrent
 * writer only makes us decide again on the fresh stream (organisation streams are shared by many).
 */
export async function appendDecided(
  store: EventStore, clock: Clock, stream: string, ctx: CommandContext,
  decide: (current: LoadedStream) => { events: { type: string; data: unknown }[]; role: string },
): Promise<Written> {
  for (let attempt = 1; ; attempt++) {
    const current = await readStream(store, stream);
    const mine = current.events.filter((e) => e.metadata.commandId === ctx.commandId);
    if (mine.length) {
      if (mine[0].metadata.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
      return { revision: mine[mine.length - 1].revision, replayed: true };
    }
    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== current.revision) throw staleRevision(ctx.expectedRevision, current.revision);
    const { events, role } = decide(current);
    try {
      const r = await store.append(stream, envelope(stream, events, ctx, clock.now(), role), current.revision < 0 ? 'no_stream' : current.revision);
      return { revision: r.nextRevision, replayed: false, position: r.position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (ctx.expectedRevision !== undefined) throw staleRevision(ctx.expectedRevision, current.revision + 1);
      if (attempt >= ATTEMPTS) throw concurrentChange();
      await new Promise((r) => setTimeout(r, Math.random() * 2 * attempt));
    }
  }
}

export const positionText = (w: { position?: LogPosition }): string | undefined =>
  (w.position ? `${w.position.commit}/${w.position.prepare}` : undefined);
