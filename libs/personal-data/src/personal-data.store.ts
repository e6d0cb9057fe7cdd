import type {
  AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription,
} from '#libs/event-store';
import { carriesPersonalData, openEvent, sealEvent } from './personal-data.codec';
import type { PersonalKeyStore } from './key-store.port';

/**
 * The log as the application sees it: personal fields are encrypted on the way in and decrypted
 * (or read as erased) on the way out, so no repository, projection or report handles ciphertext.
 * `stored` is the adapter itself: integrity hashes and backups read the bytes as stored.
 */
export class PersonalDataStore implements EventStore {
  constructor(readonly stored: EventStore, readonly keys: PersonalKeyStore) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const sealed = events.some((e) => carriesPersonalData(e.type)) ? await Promise.all(events.map((e) => sealEvent(e, this.keys))) : events;
    return this.stored.append(streamId, sealed, expected);
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readStream(streamId, fromRevision));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.stored.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.stored.subscribeToAll(options);
    const keys = this.keys;
    return {
      unsubscribe: () => inner.unsubscribe(),
      async *[Symbol.asyncIterator]() {
        for await (const e of inner) yield carriesPersonalData(e.type) ? await openEvent(e, keys) : e;
      },
    };
  }

  ping(): Promise<boolean> {
    return this.stored.ping();
  }

  /** Closes the key store; the adapter is closed by whoever opened it. */
  async close(): Promise<void> {
    await this.stored.close();
    await this.keys.close();
  }

  /** Only events with personal fields pay for an await: a page of mentorship events passes through as is. */
  private async openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    let out = events;
    for (let i = 0; i < events.length; i++) {
      if (!carriesPersonalData(events[i].type)) continue;
      if (out === events) out = events.slice();
      out[i] = await openEvent(events[i], this.keys);
    }
    return out;
  }
}
