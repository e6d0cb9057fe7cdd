import fc from 'fast-check';
import type { RecordedEvent } from '#libs/event-store';
import { deadlines, fold, parseMentorshipEvent, stateOf } from '#core/mentorship';
import { randomLifecycle } from '../testing/random-lifecycle';
import { deadlinesOf } from './mentorship-deadlines';
import { projectMentorship } from './mentorship-list.projection';
import type { MentorshipView } from './mentorship.view';

const recorded = (streamId: string, e: { type: string; data: unknown; metadata: RecordedEvent['metadata'] }, revision: number): RecordedEvent => ({
  id: `${streamId}/${revision}`, streamId, revision, position: { commit: 0n, prepare: 0n }, type: e.type, data: e.data, metadata: e.metadata, created: '',
});

/** The list projection folds events without the machine (speed), so it must agree with the machine on every history. */
describe('mentorship list projection agrees with the machine', () => {
  it('on the state and on every deadline flag, on any day', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 20, maxLength: 200 }), fc.integer({ min: 0, max: 900 }), (choices, offset) => {
        const streams = new Map<string, RecordedEvent[]>();
        for (const { streamId, event } of randomLifecycle(choices)) {
          if (!streamId.startsWith('mentorship-')) continue;
          const list = streams.get(streamId) ?? [];
          list.push(recorded(streamId, event, list.length));
          streams.set(streamId, list);
        }
        const today = new Date(Date.UTC(2025, 8, 1 + offset)).toISOString().slice(0, 10);
        for (const events of streams.values()) {
          const snapshot = fold(events.map(parseMentorshipEvent));
          let view: MentorshipView | undefined;
          for (const e of events) view = projectMentorship(view, e);
          expect(view!.state).toBe(stateOf(snapshot));
          expect(deadlinesOf(view!, today)).toEqual(deadlines(snapshot.context, stateOf(snapshot), today));
          expect(view!.revision).toBe(events.length - 1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ignores events of a stream whose start it never saw', () => {
    const e = recorded('mentorship-x', { type: 'OrderIssued', data: { number: '1', date: '2025-01-01' }, metadata: {} as RecordedEvent['metadata'] }, 3);
    expect(projectMentorship(undefined, e)).toBeUndefined();
  });
});
