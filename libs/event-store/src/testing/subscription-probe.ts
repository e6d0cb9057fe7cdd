import type { RecordedEvent, Subscription } from '../event-store.port';

export interface SubscriptionProbe {
  /** Everything delivered so far, in delivery order. */
  readonly seen: RecordedEvent[];
  /** Resolves once at least `count` events were delivered; fails after `timeoutMs`. */
  until(count: number, timeoutMs?: number): Promise<void>;
  /** Unsubscribes and waits for the iteration to end. */
  stop(): Promise<void>;
}

/** Drains a subscription in the background so a test can wait for deliveries and append in between. */
export function probe(subscription: Subscription): SubscriptionProbe {
  const seen: RecordedEvent[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  let failure: unknown;
  const notify = () => {
    waiters = waiters.filter((w) => (seen.length >= w.count ? (w.resolve(), false) : true));
  };
  const done = (async () => {
    try {
      for await (const event of subscription) {
        seen.push(event);
        notify();
      }
    } catch (error) {
      failure = error;
    }
  })();
  return {
    seen,
    until(count, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        if (seen.length >= count) return resolve();
        const timer = setTimeout(() => {
          const reason = failure ? `: ${String(failure)}` : '';
          reject(new Error(`Waited for ${count} events, got ${seen.length}${reason}`));
        }, timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    async stop() {
      await subscription.unsubscribe();
      await done;
      if (failure) throw failure;
    },
  };
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
