import { EventStoreDBClient } from '@eventstore/db-client';
import { isDiscoveryFailure } from './esdb-mapping';

/**
 * The client behind the adapter, and what the connection string says about a cluster.
 *
 * - `esdb://n1:2113,n2:2113,n3:2113` makes every host a gossip seed; `esdb+discover://` with several
 *   hosts would make the client ask only the first (client 6.2.1, `Client.connectionString`), so the
 *   adapter hands it the same hosts as `esdb://`.
 * - `nodePreference=leader` (the client's default) makes reads require the leader too, so a command
 *   reads what the last append wrote; `follower`, `random` or `readOnlyReplica` lets reads be served by
 *   the node the client is connected to. Appends always require the leader.
 * - After a discovery that found no usable node, the client keeps the failed server-features lookup
 *   and refuses every later append with it, even once a leader is back (reads recover); the client
 *   is then replaced. Replaced clients are disposed on `dispose()`, not before: disposing one under a
 *   read in flight would leave that read hanging.
 */
export class EsdbConnection {
  readonly readsRequireLeader: boolean;
  private readonly connectionString: string;
  private current: EventStoreDBClient;
  private readonly replaced: EventStoreDBClient[] = [];

  constructor(connectionString: string) {
    this.connectionString = allHostsAsSeeds(connectionString.trim());
    this.readsRequireLeader = prefersLeader(this.connectionString);
    this.current = EventStoreDBClient.connectionString(this.connectionString);
  }

  get client(): EventStoreDBClient {
    return this.current;
  }

  /** After `failed` reported `error`: a fresh client when the failure was a discovery that found no node. */
  failed(client: EventStoreDBClient, error: unknown): void {
    if (client !== this.current || !isDiscoveryFailure(error)) return;
    this.replaced.push(client);
    this.current = EventStoreDBClient.connectionString(this.connectionString);
  }

  async dispose(): Promise<void> {
    await Promise.all([this.current, ...this.replaced].map((c) => c.dispose()));
  }
}

function allHostsAsSeeds(connectionString: string): string {
  const m = /^esdb\+discover:\/\/([^?/]*)(.*)$/i.exec(connectionString);
  return m && m[1].includes(',') ? `esdb://${m[1]}${m[2]}` : connectionString;
}

/** The client reads option names case- and dash-insensitively (`nodePreference`, `node_preference`). */
function prefersLeader(connectionString: string): boolean {
  const query = connectionString.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (flat(key) === 'nodepreference') return flat(value) === 'leader';
  }
  return true;
}

const flat = (s: string): string => s.trim().toLowerCase().replace(/[_-]/g, '');
