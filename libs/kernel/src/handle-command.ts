import {
  ConcurrencyError, positionToString, type EventStore, type ExpectedRevision, type LogPosition, type RecordedEvent,
} from '#libs/event-store';
import type { Clock } from './clock';
import type { CommandContext } from './command-context';
import { envelope } from './envelope';
import { concurrentChange, idempotencyKeyReused, staleRevision } from './refusals';

export interface DomainEvent {
  type: string;
  data: unknown;
}

/** A command already applied to a stream (same command id): what a retry answers with. */
export interface AppliedCommand {
  firstRevision: number;
  lastRevision: number;
  requestHash?: string;
}

/** A stream as a command decides on it: its last revision (-1: no stream yet), its folded state, the commands it holds. */
export interface CommandStream<S> {
  revision: number;
  state: S;
  commands: ReadonlyMap<string, AppliedCommand>;
}

/** An append to another stream than the command's own, with that stream's expected revision. */
export interface StreamAppend {
  stream: string;
  events: DomainEvent[];
  expected: ExpectedRevision;
}

/** What a command decided: the events of its own stream, the role they are recorded under, and appends beside them. */
export interface Decision {
  events: DomainEvent[];
  role: string;
  /** Written first, each with its expected revision: a reservation in a shared stream (the lock of a cross-stream rule). */
  before?: StreamAppend[];
  /** Written after the command's own stream: a stream the command starts. */
  after?: StreamAppend[];
}

/**
 * What a concurrent write to the command's own stream means. `decide-again`: the stream is shared by
 * independent work (an organisation's roadmap, a survey), so the command is decided again on the fresh
 * stream. `refuse`: the user decided on what they saw, which is gone: 409, nothing written. With
 * `If-Match` the answer is always 412. A conflict in a `before` stream is always decided again.
 */
export type ConflictPolicy = 'decide-again' | 'refuse';

export interface StreamCommand<S> {
  stream: string;
  ctx: CommandContext;
  load(): Promise<CommandStream<S>>;
  decide(current: CommandStream<S>): Decision | Promise<Decision>;
  onConflict: ConflictPolicy;
  /** A retry of a command already applied: finish what it may have left undone (its appends are idempotent). */
  completeReplay?(applied: AppliedCommand): Promise<void>;
}

export interface CommandOutcome {
  revision: number;
  /** Where the write landed in the log (absent on a replay): for read-your-writes queries. */
  position?: LogPosition;
  /** True when this was a retry of a command already applied: nothing new was written. */
  replayed: boolean;
}

/** Decisions made again on a fresh stream at most this many times before a 409. */
const ATTEMPTS = 25;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 2 * attempt));

/**
 * The one command path of every stream: load → (a retry answers as the first time) → If-Match → decide →
 * append with the expected revision, ids derived from the command, so a retried append is recognised.
 */
export async function handleCommand<S>(store: EventStore, clock: Clock, command: StreamCommand<S>): Promise<CommandOutcome> {
  const { ctx, stream } = command;
  for (let attempt = 1; ; attempt++) {
    const current = await command.load();
    const applied = current.commands.get(ctx.commandId);
    if (applied) {
      if (applied.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
      await command.completeReplay?.(applied);
      return { revision: applied.lastRevision, replayed: true };
    }
    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== current.revision) throw staleRevision(ctx.expectedRevision, current.revision);
    const decision = await command.decide(current);
    try {
      const written = await writeDecision(store, clock, ctx, stream, current.revision < 0 ? 'no_stream' : current.revision, decision);
      return { revision: written.nextRevision, position: written.position, replayed: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const own = error.streamId === stream;
      if (own && ctx.expectedRevision !== undefined) throw staleRevision(ctx.expectedRevision, current.revision + 1);
      if ((!own || command.onConflict === 'decide-again') && attempt < ATTEMPTS) {
        await pause(attempt);
        continue;
      }
      throw concurrentChange();
    }
  }
}

/**
 * Writes a decision in order (EventStoreDB appends one stream at a time): the `before` appends, the
 * command's own stream at `expected`, then the `after` appends. Every event id derives from the command
 * id, so writing the same decision again completes a command that stopped half-way and duplicates nothing.
 */
export async function writeDecision(
  store: EventStore, clock: Clock, ctx: CommandContext, stream: string, expected: ExpectedRevision, decision: Decision,
): Promise<{ nextRevision: number; position: LogPosition }> {
  const now = clock.now();
  const write = (s: string, events: DomainEvent[], e: ExpectedRevision) => store.append(s, envelope(s, events, ctx, now, decision.role), e);
  for (const b of decision.before ?? []) await write(b.stream, b.events, b.expected);
  const written = await write(stream, decision.events, expected);
  for (const a of decision.after ?? []) await write(a.stream, a.events, a.expected);
  return written;
}

/** The commands a stream holds, by command id: from its events' metadata. */
export function appliedCommands(events: readonly RecordedEvent[], into = new Map<string, AppliedCommand>()): Map<string, AppliedCommand> {
  for (const e of events) {
    const prior = into.get(e.metadata.commandId);
    into.set(e.metadata.commandId, {
      firstRevision: prior?.firstRevision ?? e.revision,
      lastRevision: Math.max(prior?.lastRevision ?? e.revision, e.revision),
      requestHash: prior?.requestHash ?? e.metadata.requestHash,
    });
  }
  return into;
}

/** A small stream read whole and folded: the loader of every stream that needs no cache. */
export async function readCommandStream<S>(store: EventStore, stream: string, fold: (events: RecordedEvent[]) => S): Promise<CommandStream<S> & { events: RecordedEvent[] }> {
  const events = await store.readStream(stream);
  return { revision: events.length ? events[events.length - 1].revision : -1, state: fold(events), commands: appliedCommands(events), events };
}

/** The one text form of a log position in answers (`commit/prepare`), or undefined for a replay. */
export const positionOf = (outcome: { position?: LogPosition }): string | undefined =>
  outcome.position ? positionToString(outcome.position) : undefined;
