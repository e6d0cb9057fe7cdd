import type { RecordedEvent } from '../event-store.port';
import { newEvents, testMetadata } from '../testing/event-fixtures';
import { ownAppendIn, ownAppendWindow } from './esdb-own-append';

/** A stream as read back: the given ids at revisions from `from` on. */
const stream = (ids: string[], from = 0): RecordedEvent[] =>
  ids.map((id, i) => ({
    id, streamId: 'mentorship-1', revision: from + i, position: { commit: BigInt(100 * (from + i)), prepare: BigInt(100 * (from + i)) },
    type: 'ContractEventRecorded', data: {}, metadata: testMetadata(), created: '2026-11-24T06:00:00.000Z',
  }));

describe('recognising an append of ours already in the stream', () => {
  const ours = newEvents(2);
  const [a, b] = ours.map((e) => e.id);

  it('reads only where the append can be: after the expected revision, as many as it wrote; the whole stream for any', () => {
    expect(ownAppendWindow('no_stream', 2)).toEqual({ fromRevision: 0, maxCount: 2 });
    expect(ownAppendWindow(4, 2)).toEqual({ fromRevision: 5, maxCount: 2 });
    expect(ownAppendWindow('any', 2)).toEqual({ fromRevision: 0 });
    expect(ownAppendWindow('stream_exists', 2)).toEqual({ fromRevision: 0 });
  });

  it('answers as the append would have: the revision and position of its last event', () => {
    const read = stream([a, b], 5);
    expect(ownAppendIn(read, ours, 4)).toEqual({ nextRevision: 6, position: read[1].position });
    expect(ownAppendIn(stream([a, b]), ours, 'no_stream')).toMatchObject({ nextRevision: 1 });
    expect(ownAppendIn(stream(['x', a, b, 'y']), ours, 'any')).toMatchObject({ nextRevision: 2 });
    expect(ownAppendIn(stream(['x', a, b]), ours, 'stream_exists')).toMatchObject({ nextRevision: 2 });
  });

  it('is not ours when another writer holds the place, the events sit elsewhere, or only part of them is there', () => {
    expect(ownAppendIn(stream(['x', 'y'], 5), ours, 4)).toBeNull();
    expect(ownAppendIn(stream([a, b], 6), ours, 4)).toBeNull();
    expect(ownAppendIn(stream(['x', a, b]), ours, 'no_stream')).toBeNull();
    expect(ownAppendIn(stream([a, 'x']), ours, 'any')).toBeNull();
    expect(ownAppendIn(stream([a, b]), ours, 'stream_exists')).toBeNull();
    expect(ownAppendIn([], ours, 'any')).toBeNull();
  });
});
