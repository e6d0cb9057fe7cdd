import { EventEmitter } from 'node:events';

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: number;
  /** Log position; commit and prepare are equal, as for every single-stream write in a v20+ server. */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server puts in the `created` metadata entry. */
  created: bigint;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | number;

export type AppendOutcome =
  | { ok: true; revision: number; position: bigint }
  | { ok: false; current: number | null };

const TICKS_PER_MS = 10_000n;

/**
 * The server's log, in memory: a single ordered list of events with positions that grow by each
 * record's size (never 0, 1, 2 …, so nobody mistakes a position for a counter), the per-stream
 * index, and the recent event ids the server consults for idempotent retries.
 */
export class InMemoryLog {
  readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private nextPosition = 0n;

  constructor(private readonly now: () => Date) {}

  stream(streamId: string): StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  onAppend(listener: (events: StoredEvent[]) => void): () => void {
    this.appended.on('events', listener);
    return () => this.appended.off('events', listener);
  }

  /**
   * The rules of the server's `CheckCommit`: expected version first, then idempotency by event id.
   * `recognisesRetries: false` is a server that no longer knows the ids (a new leader whose cache
   * never saw them): a retry at an expected revision is refused, a retry with `any` is written again.
   */
  append(streamId: string, expected: Expected, proposed: ProposedEvent[], recognisesRetries = true): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const wrong = { ok: false as const, current: current < 0 ? null : current };
    if (expected === 'stream_exists' && current < 0) return wrong;

    if (expected === 'any' || expected === 'stream_exists') {
      if (!recognisesRetries) return this.write(streamId, stream, proposed);
      const found = proposed.map((p) => this.byId.get(p.id));
      const inStream = found.map((f) => f !== undefined && f.streamId === streamId);
      if (proposed.length > 0 && inStream.every(Boolean)) return this.written(found[found.length - 1]!);
      if (proposed.length > 0 && inStream[0]) return wrong; // part of the batch is there: corrupted idempotency
      return this.write(streamId, stream, proposed);
    }

    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision < current) {
      const already = recognisesRetries && proposed.every((p, i) => stream[expectedRevision + 1 + i]?.id === p.id);
      return already && proposed.length > 0 ? this.written(stream[expectedRevision + proposed.length]) : wrong;
    }
    if (expectedRevision > current) return wrong;
    return this.write(streamId, stream, proposed);
  }

  /**
   * Replaces the whole log, rebuilding the stream index (tests that cut the log short or restore an
   * older copy of it, as an intruder or an operator with the server's storage could).
   */
  replaceAll(events: readonly StoredEvent[]): void {
    this.events.splice(0, this.events.length, ...events);
    this.streams.clear();
    this.byId.clear();
    for (const e of events) {
      this.streams.set(e.streamId, [...(this.streams.get(e.streamId) ?? []), e]);
      this.byId.set(e.id, e);
    }
  }

  private written(last: StoredEvent): AppendOutcome {
    return { ok: true, revision: last.revision, position: last.position };
  }

  private write(streamId: string, stream: StoredEvent[], proposed: ProposedEvent[]): AppendOutcome {
    const created = BigInt(this.now().getTime()) * TICKS_PER_MS;
    const written = proposed.map((p, i): StoredEvent => {
      const position = this.nextPosition;
      this.nextPosition += BigInt(120 + streamId.length + p.type.length + p.data.length + p.metadata.length);
      return { ...p, streamId, revision: stream.length + i, position, created };
    });
    if (written.length === 0) return { ok: true, revision: stream.length - 1, position: this.nextPosition };
    this.streams.set(streamId, [...stream, ...written]);
    for (const e of written) this.byId.set(e.id, e);
    this.events.push(...written);
    this.appended.emit('events', written);
    return this.written(written[written.length - 1]);
  }
}
