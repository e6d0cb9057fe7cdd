import type { EventEmitter } from 'node:events';
import type { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

export interface SubscriptionSource {
  /** Emits `appended` after every commit of this process. */
  readonly appended: EventEmitter;
  readAll(options: ReadAllOptions): RecordedEvent[];
  isClosed(): boolean;
  /** How often to look for events written by another process. */
  pollMs: number;
}

/** Catch-up then live: pages of the log after the last delivered position, woken by this process's commits or by the poll. */
export function subscribeToLog(source: SubscriptionSource, options: SubscribeOptions): Subscription {
  let after = options.after;
  let active = true;
  let wake: (() => void) | null = null;
  const onAppend = () => wake?.();
  source.appended.on('appended', onAppend);
  const stop = async () => {
    active = false;
    source.appended.off('appended', onAppend);
    wake?.();
  };
  async function* events(): AsyncGenerator<RecordedEvent> {
    try {
      while (active && !source.isClosed()) {
        const batch = source.readAll({ ...options, after, maxCount: 500 });
        for (const e of batch) {
          if (!active) return;
          after = e.position;
          yield e;
        }
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, source.pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      }
    } finally {
      await stop();
    }
  }
  const iterator = events();
  return { [Symbol.asyncIterator]: () => iterator, unsubscribe: stop };
}
