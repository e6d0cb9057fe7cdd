import { ConcurrencyError, positionFromString, positionToString, type EventStore, type LogPosition, type NewEvent } from '#libs/event-store';
import { uuidFromName } from '#libs/kernel';
import { REGISTRY_STREAM, SYSTEM_CHAIN, chainOpened, chainStreamOf, type ChainOpened } from './chain.events';

/** `auditchain-_registry`: which organisations have a chain, and where in the log each one starts. */
export class ChainRegistry {
  private revision = -1;

  constructor(private readonly store: EventStore, private readonly now: () => Date) {}

  reset(): void {
    this.revision = -1;
  }

  /** Chains registered since the last read: organisation and the position no event of it lies at or before. */
  async readNew(): Promise<{ orgId: string; after: LogPosition }[]> {
    const out: { orgId: string; after: LogPosition }[] = [];
    for (const e of await this.store.readStream(REGISTRY_STREAM, this.revision + 1)) {
      this.revision = e.revision;
      const { orgId, after } = chainOpened.parse(e.data);
      out.push({ orgId, after: positionFromString(after) });
    }
    return out;
  }

  /** Registers a chain before its first link, so verification knows it must exist; `false`: the registry moved on, read it. */
  async open(org: string, after: LogPosition): Promise<boolean> {
    const id = uuidFromName(`auditchain-registry:${org}`);
    const recordedAt = this.now().toISOString();
    const event: NewEvent = {
      id, type: 'ChainOpened', data: { orgId: org, stream: chainStreamOf(org), after: positionToString(after) } satisfies ChainOpened,
      metadata: { orgId: SYSTEM_CHAIN, actorId: 'system', role: 'system', commandId: id, correlationId: id, causationId: id, recordedAt, schemaVersion: 1 },
    };
    try {
      await this.store.append(REGISTRY_STREAM, [event], this.revision < 0 ? 'no_stream' : this.revision);
      this.revision++;
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      return false;
    }
  }
}
