import { START, type RecordedEvent } from '../event-store.port';
import type { StoreRef } from './store-ref';
import { idsOf, newEvent, streamIn, uniqueCategory } from './event-fixtures';

export function readAllContract(store: StoreRef): void {
  describe('readAll', () => {
    /** Four single-event appends alternating between two fresh categories: a1, b1, a2, b2. */
    async function interleaved() {
      const [a, b] = [uniqueCategory(), uniqueCategory()];
      const [streamA, streamB] = [streamIn(a), streamIn(b)];
      const written: RecordedEvent[] = [];
      for (const stream of [streamA, streamB, streamA, streamB]) {
        await store().append(stream, [newEvent()], 'any');
      }
      written.push(...(await store().readStream(streamA)), ...(await store().readStream(streamB)));
      const [a1, a2, b1, b2] = written;
      return { prefixes: [`${a}-`, `${b}-`], a, all: [a1, b1, a2, b2] };
    }

    it('returns the events of the given stream prefixes in log order, as readStream has them', async () => {
      const { prefixes, a, all } = await interleaved();
      const [a1, b1, a2, b2] = all;

      expect(await store().readAll({ streamPrefixes: prefixes })).toEqual([a1, b1, a2, b2]);
      expect(await store().readAll({ streamPrefixes: [`${a}-`] })).toEqual([a1, a2]);
    });

    it('starts strictly after `after`', async () => {
      const { prefixes, all } = await interleaved();
      const [a1, b1, a2, b2] = all;

      expect(idsOf(await store().readAll({ after: a1.position, streamPrefixes: prefixes }))).toEqual(idsOf([b1, a2, b2]));
      expect(await store().readAll({ after: b2.position, streamPrefixes: prefixes })).toEqual([]);
      expect(idsOf(await store().readAll({ after: START, streamPrefixes: prefixes }))).toEqual(idsOf(all));
    });

    it('stops at maxCount', async () => {
      const { prefixes, all } = await interleaved();
      const [a1, b1, a2] = all;

      expect(idsOf(await store().readAll({ after: a1.position, maxCount: 2, streamPrefixes: prefixes }))).toEqual(
        idsOf([b1, a2]),
      );
      expect(idsOf(await store().readAll({ maxCount: 1, streamPrefixes: prefixes }))).toEqual([a1.id]);
    });

    it('without a filter returns every non-system stream', async () => {
      const { all } = await interleaved();
      const [a1, b1, a2, b2] = all;

      const read = await store().readAll({ after: a1.position, maxCount: 3 });

      expect(idsOf(read)).toEqual(idsOf([b1, a2, b2]));
      expect(read.some((e) => e.streamId.startsWith('$') || e.type.startsWith('$'))).toBe(false);
    });
  });
}
