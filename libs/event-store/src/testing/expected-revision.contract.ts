import { ConcurrencyError, type ExpectedRevision } from '../event-store.port';
import type { StoreRef } from './store-ref';
import { idsOf, isWithin, newEvents, streamIn } from './event-fixtures';

export function expectedRevisionContract(store: StoreRef): void {
  /** Appends that must be refused leave the stream exactly as it was. */
  async function expectConflict(stream: string, expected: ExpectedRevision, actual: number | 'no_stream') {
    const before = await store().readStream(stream);
    const error = await store().append(stream, newEvents(1), expected).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: stream, expected, actual });
    expect(await store().readStream(stream)).toEqual(before);
  }

  describe('expected revision', () => {
    it('no_stream: creates a new stream, refuses an existing one', async () => {
      const stream = streamIn('mentor');
      await expect(store().append(stream, newEvents(2), 'no_stream')).resolves.toMatchObject({ nextRevision: 1 });
      await expectConflict(stream, 'no_stream', 1);
    });

    it('a number: accepts only the revision of the last event', async () => {
      const stream = streamIn('mentor');
      await store().append(stream, newEvents(2), 'no_stream');
      await expectConflict(stream, 0, 1);
      await expectConflict(stream, 2, 1);
      await expectConflict(stream, 5, 1);
      await expect(store().append(stream, newEvents(1), 1)).resolves.toMatchObject({ nextRevision: 2 });
      await expectConflict(streamIn('mentor'), 0, 'no_stream');
    });

    it('stream_exists: refuses a missing stream, accepts an existing one', async () => {
      const stream = streamIn('mentee');
      await expectConflict(stream, 'stream_exists', 'no_stream');
      expect(await store().readStream(stream)).toEqual([]);
      await store().append(stream, newEvents(1), 'any');
      await expect(store().append(stream, newEvents(1), 'stream_exists')).resolves.toMatchObject({ nextRevision: 1 });
    });

    it('any: appends to a missing and to an existing stream', async () => {
      const stream = streamIn('user');
      await expect(store().append(stream, newEvents(1), 'any')).resolves.toMatchObject({ nextRevision: 0 });
      await expect(store().append(stream, newEvents(2), 'any')).resolves.toMatchObject({ nextRevision: 2 });
    });
  });

  describe('idempotent retry', () => {
    it.each<[string, ExpectedRevision, boolean]>([
      ['no_stream on a new stream', 'no_stream', false],
      ['the last revision', 0, true],
      ['any', 'any', true],
    ])('the same event ids appended twice (%s) are written once, with the same answer', async (_, expected, existing) => {
      const stream = streamIn('mentorship');
      const earlier = existing ? newEvents(1) : [];
      if (existing) await store().append(stream, earlier, 'no_stream');
      const batch = newEvents(3);

      const first = await store().append(stream, batch, expected);
      const retry = await store().append(stream, batch, expected);
      const read = await store().readStream(stream);

      expect(retry.nextRevision).toBe(first.nextRevision);
      expect(idsOf(read)).toEqual(idsOf([...earlier, ...batch]));
      expect(isWithin(retry.position, read.slice(-3))).toBe(true);
    });
  });

  describe('concurrent appends', () => {
    it('with the same expected revision: exactly one wins, the rest get ConcurrencyError', async () => {
      const stream = streamIn('mentor');
      await store().append(stream, newEvents(1), 'no_stream');
      const contenders = Array.from({ length: 5 }, () => newEvents(1));

      const outcomes = await Promise.allSettled(contenders.map((events) => store().append(stream, events, 0)));

      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof ConcurrencyError)).toBe(true);
      const read = await store().readStream(stream);
      expect(read).toHaveLength(2);
      expect(idsOf(contenders[outcomes.indexOf(won[0])])).toEqual([read[1].id]);
    });

    it('creating the same stream (no_stream): exactly one wins', async () => {
      const stream = streamIn('mentorship');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, () => store().append(stream, newEvents(2), 'no_stream')),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
