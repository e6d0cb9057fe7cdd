import type { EventStore } from '#libs/event-store';
import { foldRegistry, parseRegistryEvent } from '#core/region';
import { streamId } from '#core/shared';

/**
 * Whether an organisation's accounts work: its entry in the register (`registry-<orgId>`) is read again
 * when this process's view is older than `maxAgeMs`, so a disabling in another process counts within it.
 * An organisation with no entry (the configured first one before it is registered) works.
 */
export class OrganisationStanding {
  private readonly known = new Map<string, { disabled: boolean; readAt: number }>();

  constructor(private readonly store: EventStore, private readonly maxAgeMs: number) {}

  async disabled(orgId: string): Promise<boolean> {
    const seen = this.known.get(orgId);
    if (seen && performance.now() - seen.readAt < this.maxAgeMs) return seen.disabled;
    const events = await this.store.readStream(streamId('registry', orgId));
    const disabled = !!foldRegistry(events.map(parseRegistryEvent))?.disabledOn;
    this.known.set(orgId, { disabled, readAt: performance.now() });
    return disabled;
  }

  forget(orgId: string): void {
    this.known.delete(orgId);
  }
}
