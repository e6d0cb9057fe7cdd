import type { EventStore } from '../event-store.port';
import { appendAndReadContract } from './append-read.contract';
import { expectedRevisionContract } from './expected-revision.contract';
import { readAllContract } from './read-all.contract';
import type { StoreRef } from './store-ref';
import { subscriptionContract } from './subscription.contract';

export interface StoreFixture {
  store: EventStore;
  teardown: () => Promise<void>;
}

/**
 * The one behaviour every event-store adapter must show. Each adapter's spec calls this with a
 * factory; the store is shared by the suite and every test uses fresh stream ids and categories.
 */
export function eventStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    beforeAll(async () => {
      fixture = await factory();
    });
    afterAll(async () => {
      await fixture?.teardown();
    });
    const store: StoreRef = () => {
      if (!fixture) throw new Error('store fixture failed to start');
      return fixture.store;
    };

    appendAndReadContract(store);
    expectedRevisionContract(store);
    readAllContract(store);
    subscriptionContract(store);
  });
}
