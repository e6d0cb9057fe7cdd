import fc from 'fast-check';
import type { RecordedEvent } from '#libs/event-store';
import { fold, parseMentorshipEvent, warnings, warningsOf } from '#core/mentorship';
import { randomLifecycle } from '../testing/random-lifecycle';
import { projectMentorship } from './mentorship-list.projection';
import type { MentorshipView } from './mentorship.view';

const recorded = (streamId: string, e: { type: string; data: unknown; metadata: RecordedEvent['metadata'] }, revision: number): RecordedEvent => ({
  id: `${streamId}/${revision}`, streamId, revision, position: { commit: 0n, prepare: 0n }, type: e.type, data: e.data, metadata: e.metadata, created: '',
});

/** The list shows the warnings the mentorship's own view shows: the projection keeps every fact they read. */
describe('mentorship list warnings agree with the machine', () => {
  it('on every stream of a random log, event by event', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 20, maxLength: 150 }), (choices) => {
        const streams = new Map<string, RecordedEvent[]>();
        for (const { streamId, event } of randomLifecycle(choices)) {
          if (!streamId.startsWith('mentorship-')) continue;
          const list = streams.get(streamId) ?? [];
          list.push(recorded(streamId, event, list.length));
          streams.set(streamId, list);
        }
        for (const events of streams.values()) {
          let view: MentorshipView | undefined;
          for (let i = 0; i < events.length; i++) {
            view = projectMentorship(view, events[i]);
            const expected = warnings(fold(events.slice(0, i + 1).map(parseMentorshipEvent)));
            seen += expected.length;
            expect(warningsOf(view!)).toEqual(expected);
          }
        }
      }),
      { numRuns: 25 },
    );
    expect(seen).toBeGreaterThan(0);
  });
});
