import type { EventStore, NewEvent } from '#libs/event-store';

/** One event to append, with the stream it goes to. */
export interface LogEntry {
  streamId: string;
  event: NewEvent;
}

const ROLE_OF: Record<string, string> = {
  OrderIssued: 'head', MentorReplaced: 'head',
  ProgramDrafted: 'mentor', ActivityCompleted: 'mentor', MentorReportSubmitted: 'mentor',
  ProgramAcknowledged: 'mentee', MenteeReportSubmitted: 'mentee',
};

let counter = 0;

/** A stored event as the command side would write it: metadata with org, actor, role and dates. */
export function entry(streamId: string, type: string, data: unknown, orgId: string, businessDate: string | undefined): LogEntry {
  const n = ++counter;
  const commandId = `cmd-${n}`;
  return {
    streamId,
    event: {
      id: `evt-${process.pid}-${n}-${Math.random().toString(36).slice(2, 10)}`,
      type,
      data,
      metadata: {
        orgId, actorId: `user-${ROLE_OF[type] ?? 'curator'}`, role: ROLE_OF[type] ?? 'curator',
        commandId, correlationId: commandId, causationId: commandId,
        businessDate, recordedAt: `${businessDate ?? '2026-01-01'}T09:00:00.000Z`, schemaVersion: 1,
      },
    },
  };
}

/** Appends entries in order; `chunk` appends are queued together so the store commits them as one group. */
export async function appendAll(store: EventStore, entries: LogEntry[], chunk = 2000): Promise<void> {
  for (let i = 0; i < entries.length; i += chunk) {
    await Promise.all(entries.slice(i, i + chunk).map((e) => store.append(e.streamId, [e.event], 'any')));
  }
}
