import type { EventMetadata, NewEvent } from '#libs/event-store';
import type { CommandContext } from './command-context';
import { eventIdFor } from './ids';

export const SCHEMA_VERSION = 1;

/** Wraps domain events as stored events: ids derived from the command, metadata from the request. */
export function envelope(
  streamId: string,
  events: { type: string; data: unknown }[],
  ctx: CommandContext,
  recordedAt: Date,
  role: string,
): NewEvent[] {
  return events.map((e, i) => {
    const date = (e.data as { date?: unknown }).date;
    const metadata: EventMetadata = {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.userId,
      role,
      commandId: ctx.commandId,
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      businessDate: typeof date === 'string' ? date : undefined,
      recordedAt: recordedAt.toISOString(),
      schemaVersion: SCHEMA_VERSION,
      requestHash: ctx.requestHash,
    };
    return { id: eventIdFor(ctx.commandId, streamId, i), type: e.type, data: e.data, metadata };
  });
}
