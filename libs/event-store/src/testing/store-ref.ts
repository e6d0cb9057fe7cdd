import type { EventStore } from '../event-store.port';

/** The store under test, as each part of the contract reaches it (started by the suite before the tests run). */
export type StoreRef = () => EventStore;
