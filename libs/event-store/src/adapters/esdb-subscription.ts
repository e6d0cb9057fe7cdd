import {
  excludeSystemEvents, streamNameFilter,
  type AllStreamResolvedEvent, type AllStreamSubscription,
} from '@eventstore/db-client';
import {
  comparePositions, matchesFilter,
  type LogPosition, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import type { EsdbConnection } from './esdb-connection';
import { backoffMs, fromPositionOf, isSystemEvent, isTransient, toLogPosition, toRecorded } from './esdb-mapping';

export interface ReconnectOptions {
  minBackoffMs: number;
  maxBackoffMs: number;
}

/**
 * A catch-up subscription to `$all` that survives a dropped connection or a leader change: it
 * subscribes again after a backoff, through the connection's current client (which the failure sent
 * to another node), from the last position it saw (server start positions are exclusive; a
 * cluster's nodes share positions), and drops anything at or before that position, so nothing is
 * lost or delivered twice.
 */
export function reconnectingSubscription(
  connection: EsdbConnection,
  options: SubscribeOptions,
  reconnect: ReconnectOptions,
  onEnd: () => void = () => undefined,
): Subscription {
  let after: LogPosition | undefined = options.after;
  let active = true;
  let current: AllStreamSubscription | undefined;
  let wake: (() => void) | undefined;
  const filter = options.streamPrefixes?.length
    ? streamNameFilter({ prefixes: options.streamPrefixes })
    : excludeSystemEvents();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (wake = undefined, resolve()), ms);
      wake = () => (clearTimeout(timer), (wake = undefined), resolve());
    });

  async function* events(): AsyncGenerator<RecordedEvent> {
    try {
      yield* deliver();
    } finally {
      active = false;
      onEnd();
    }
  }

  async function* deliver(): AsyncGenerator<RecordedEvent> {
    let attempt = 0;
    while (active) {
      const client = connection.client;
      const subscription = client.subscribeToAll({
        fromPosition: fromPositionOf(after), filter, requiresLeader: connection.readsRequireLeader,
      });
      current = subscription;
      subscription.on('confirmation', () => (attempt = 0));
      try {
        for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
          const e = resolved.event;
          if (!e || (after && comparePositions(e.position, after) <= 0)) continue;
          after = toLogPosition(e.position);
          if (isSystemEvent(e) || !matchesFilter(e.streamId, options)) continue;
          yield toRecorded(e);
          if (!active) return;
        }
      } catch (error) {
        if (active && !isTransient(error)) throw error;
        connection.failed(client, error);
      } finally {
        current = undefined;
        await release(subscription);
      }
      if (active) await sleep(backoffMs(attempt++, reconnect.minBackoffMs, reconnect.maxBackoffMs));
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async unsubscribe() {
      active = false;
      onEnd();
      wake?.();
      if (current) await release(current);
    },
  };
}

async function release(subscription: AllStreamSubscription): Promise<void> {
  await subscription.unsubscribe().catch(() => undefined);
  subscription.destroy();
}
