import { comparePositions } from '../event-store.port';
import type { StoreRef } from './store-ref';
import { idsOf, newEvent, newEvents, streamIn, uniqueCategory } from './event-fixtures';
import { pause, probe } from './subscription-probe';

/** How long to keep listening after the expected events, to see that nothing more arrives. */
const QUIET_MS = 300;

export function subscriptionContract(store: StoreRef): void {
  describe('subscribeToAll', () => {
    it('catches up on history, then delivers live appends in order', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const history = newEvents(2);
      await store().append(stream, history, 'no_stream');

      const sub = probe(store().subscribeToAll({ streamPrefixes: [`${category}-`] }));
      try {
        await sub.until(2);
        const live = [newEvent(), ...newEvents(2)];
        await store().append(stream, live.slice(0, 1), 1);
        await store().append(streamIn(category), live.slice(1), 'no_stream');
        await sub.until(5);
        await pause(QUIET_MS);

        expect(idsOf(sub.seen)).toEqual(idsOf([...history, ...live]));
        for (let i = 1; i < sub.seen.length; i++) {
          expect(comparePositions(sub.seen[i - 1].position, sub.seen[i].position)).toBeLessThan(0);
        }
        expect(sub.seen).toEqual(await store().readAll({ streamPrefixes: [`${category}-`] }));
      } finally {
        await sub.stop();
      }
    });

    it('resumes from a checkpoint: exactly the events after it, once', async () => {
      const category = uniqueCategory();
      const events = newEvents(5);
      for (const event of events.slice(0, 4)) await store().append(streamIn(category), [event], 'no_stream');

      const first = probe(store().subscribeToAll({ streamPrefixes: [`${category}-`] }));
      await first.until(2);
      await first.stop();
      const checkpoint = first.seen[1].position;
      await store().append(streamIn(category), events.slice(4), 'no_stream');

      const resumed = probe(store().subscribeToAll({ after: checkpoint, streamPrefixes: [`${category}-`] }));
      try {
        await resumed.until(3);
        await pause(QUIET_MS);
        expect(idsOf(resumed.seen)).toEqual(idsOf(events.slice(2)));
      } finally {
        await resumed.stop();
      }
    });

    it('without a filter delivers every non-system stream after the given position', async () => {
      const [a, b] = [uniqueCategory(), uniqueCategory()];
      await store().append(streamIn(a), newEvents(1), 'no_stream');
      const [start] = await store().readAll({ streamPrefixes: [`${a}-`] });
      const ours = [newEvent(), newEvent()];
      await store().append(streamIn(b), ours.slice(0, 1), 'no_stream');
      await store().append(streamIn(a), ours.slice(1), 'no_stream');

      const sub = probe(store().subscribeToAll({ after: start.position }));
      try {
        await sub.until(2);
        expect(idsOf(sub.seen.slice(0, 2))).toEqual(idsOf(ours));
        expect(sub.seen.some((e) => e.streamId.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      } finally {
        await sub.stop();
      }
    });

    it('ends the iteration on unsubscribe', async () => {
      const sub = store().subscribeToAll({ streamPrefixes: [`${uniqueCategory()}-`] });
      const iteration = (async () => {
        for await (const _ of sub) void _;
      })();
      await pause(50);
      await sub.unsubscribe();
      await expect(iteration).resolves.toBeUndefined();
    });
  });
}
