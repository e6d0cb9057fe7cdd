import { dirname, join } from 'node:path';
import { type EventStore, SqliteEventStore } from '#libs/event-store';
import type { PersonalKeyStore } from './key-store.port';
import { PersonalDataStore } from './personal-data.store';
import { SqliteKeyStore } from './sqlite-key-store';

/** The variables that place the key store, as the kernel's config parses them (or a test writes them). */
export interface KeyStoreEnv {
  /** Where the personal-data keys live; by default `keys.sqlite` beside the embedded store, or in DATA_DIR. */
  KEYSTORE_FILE?: string;
  DATA_DIR?: string;
}

/** The key file that goes with an embedded events file. */
export const keyFileBeside = (eventsFile: string, env: KeyStoreEnv = {}): string => env.KEYSTORE_FILE?.trim() || join(dirname(eventsFile), 'keys.sqlite');

/** The key store that belongs with a log: KEYSTORE_FILE, else beside the embedded file (in memory for an in-memory store), else in DATA_DIR. */
export function keyStoreFor(stored: EventStore, env: KeyStoreEnv, now?: () => Date): PersonalKeyStore {
  if (env.KEYSTORE_FILE?.trim()) return new SqliteKeyStore(env.KEYSTORE_FILE.trim(), now);
  if (stored instanceof SqliteEventStore) return new SqliteKeyStore(stored.file === ':memory:' ? ':memory:' : keyFileBeside(stored.file), now);
  return new SqliteKeyStore(join(env.DATA_DIR || './data', 'keys.sqlite'), now);
}

/** The adapter wrapped in the personal-data codec, with its key store: what the app and the CLI work on. */
export function withPersonalData(stored: EventStore, env: KeyStoreEnv, now?: () => Date): PersonalDataStore {
  return stored instanceof PersonalDataStore ? stored : new PersonalDataStore(stored, keyStoreFor(stored, env, now));
}
