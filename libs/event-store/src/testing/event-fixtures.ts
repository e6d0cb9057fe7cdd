import { randomUUID } from 'node:crypto';
import { type EventMetadata, type LogPosition, type NewEvent, type RecordedEvent, comparePositions } from '../event-store.port';

/** A stream category no other test uses, so `$all` filters see only this test's events. */
export const uniqueCategory = (): string => `contract${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export const streamIn = (category: string): string => `${category}-${randomUUID()}`;

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    orgId: randomUUID(),
    actorId: randomUUID(),
    role: 'curator',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    recordedAt: '2025-09-01T08:30:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export function newEvent(type = 'ContractEventRecorded', data: unknown = { n: 1 }, metadata?: Partial<EventMetadata>): NewEvent {
  return { id: randomUUID(), type, data, metadata: testMetadata(metadata) };
}

export const newEvents = (count: number, type?: string): NewEvent[] =>
  Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));

export const idsOf = (events: { id: string }[]): string[] => events.map((e) => e.id);

/** Both adapters report an append's position somewhere within the events it wrote. */
export function isWithin(position: LogPosition, written: RecordedEvent[]): boolean {
  return (
    comparePositions(position, written[0].position) >= 0 &&
    comparePositions(position, written[written.length - 1].position) <= 0
  );
}
