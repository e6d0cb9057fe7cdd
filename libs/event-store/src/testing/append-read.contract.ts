import { comparePositions } from '../event-store.port';
import type { StoreRef } from './store-ref';
import { idsOf, isWithin, newEvent, newEvents, streamIn, testMetadata, uniqueCategory } from './event-fixtures';

export function appendAndReadContract(store: StoreRef): void {
  describe('append and read a stream', () => {
    it('reads back appended events in order with 0-based, contiguous revisions', async () => {
      const stream = streamIn('mentorship');
      const first = newEvents(3);
      const second = newEvents(2);

      const r1 = await store().append(stream, first, 'no_stream');
      const r2 = await store().append(stream, second, 2);
      const read = await store().readStream(stream);

      expect(r1.nextRevision).toBe(2);
      expect(r2.nextRevision).toBe(4);
      expect(idsOf(read)).toEqual(idsOf([...first, ...second]));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(read.every((e) => e.streamId === stream)).toBe(true);
      for (let i = 1; i < read.length; i++) {
        expect(comparePositions(read[i - 1].position, read[i].position)).toBeLessThan(0);
      }
      expect(isWithin(r1.position, read.slice(0, 3))).toBe(true);
      expect(isWithin(r2.position, read.slice(3))).toBe(true);
    });

    it('reads from a given revision on', async () => {
      const stream = streamIn('person');
      const events = newEvents(5);
      await store().append(stream, events, 'no_stream');

      const tail = await store().readStream(stream, 3);

      expect(idsOf(tail)).toEqual(idsOf(events.slice(3)));
      expect(tail.map((e) => e.revision)).toEqual([3, 4]);
      expect(await store().readStream(stream, 5)).toEqual([]);
    });

    it('reads a missing stream as []', async () => {
      expect(await store().readStream(streamIn('mentorship'))).toEqual([]);
    });

    it('round-trips type, data and every metadata field, Russian text included', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const data = {
        mentorId: 'f6a1c0de-0000-4000-8000-000000000001',
        form: 'педагог–педагог',
        reason: 'Наставник переведён в другую организацию (п. 3.8 Положения)',
        activities: [{ kind: 'открытое занятие', due: '2025-10-15' }],
        durationMonths: 9,
        group: false,
        note: null,
      };
      const metadata = testMetadata({
        role: 'куратор',
        businessDate: '2025-09-01',
        requestHash: 'sha256:Ёжик-в-тумане',
        comment: 'Приказ № 45-к от 01.09.2025 «О закреплении наставников»',
      });
      const event = { ...newEvent('MentorshipProposed'), data, metadata };

      await store().append(stream, [event], 'no_stream');
      const [fromStream] = await store().readStream(stream);
      const fromAll = await store().readAll({ streamPrefixes: [`${category}-`] });

      expect(fromStream).toMatchObject({ id: event.id, streamId: stream, revision: 0, type: 'MentorshipProposed' });
      expect(fromStream.data).toEqual(data);
      expect(fromStream.metadata).toEqual(metadata);
      expect(new Date(fromStream.created).toISOString()).toBe(fromStream.created);
      expect(fromAll).toEqual([fromStream]);
    });
  });
}
