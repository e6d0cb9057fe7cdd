import type { EventStore, LogPosition, RecordedEvent } from '#libs/event-store';

/** Where a catch-up reads the log from: pages in log order, after a position, of the given streams. */
export type PageSource = (after: LogPosition | undefined, prefixes: string[], size: number) => AsyncIterable<RecordedEvent[]>;

/** Pages read in this thread, straight from the store. */
export const storePages = (store: EventStore): PageSource =>
  async function* pages(after, prefixes, size) {
    for (;;) {
      const page = await store.readAll({ after, maxCount: size, streamPrefixes: prefixes });
      if (page.length > 0) yield page;
      if (page.length < size) return;
      after = page[page.length - 1].position;
    }
  };
