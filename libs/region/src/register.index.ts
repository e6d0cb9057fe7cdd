import { Inject, Injectable } from '@nestjs/common';
import { positionToString, START, STORED_EVENT_STORE, type EventStore, type LogPosition } from '#libs/event-store';
import {
  evolveRegion, evolveRegistry, isRegistryEventType, isTerritoryEventType, parseRegistryEvent, parseTerritoryEvent, withinTerritory,
  type RegionState, type RegisteredOrganisation, type Territory,
} from '#core/region';
import { parseStreamId } from '#core/shared';
import { nextTurn } from '#libs/kernel';

/**
 * The region's register as this process knows it: regions with their municipalities (`region-` streams)
 * and organisations (`registry-` streams), and where in the log each organisation last had an event (an
 * organisation's figures built from read models at or past it are still its figures). Caught up from
 * the stored log (as stored: the register's events hold no personal data, and of the others only the
 * metadata is looked at) on every read; the first read goes through the whole log once. Small: an
 * entry per organisation and per municipality. Commands never decide on it; they read their own streams.
 */
@Injectable()
export class RegisterIndex {
  private readonly regions = new Map<string, RegionState>();
  private readonly organisations = new Map<string, RegisteredOrganisation>();
  private readonly lastEvent = new Map<string, LogPosition>();
  private position: LogPosition = START;
  private running?: Promise<void>;

  constructor(@Inject(STORED_EVENT_STORE) private readonly store: EventStore) {}

  /** Reads what the log holds past what this process has seen (one read at a time). */
  catchUp(): Promise<void> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    for (;;) {
      // Every event, not only the register's: the position then reaches the log's end, and each organisation's last event is known.
      const batch = await this.store.readAll({ after: this.position, maxCount: 5000 });
      for (const e of batch) {
        this.position = e.position;
        this.lastEvent.set(e.metadata.orgId, e.position);
        const { category, id } = parseStreamId(e.streamId);
        if (category === 'region' && isTerritoryEventType(e.type)) {
          const next = evolveRegion(this.regions.get(id), parseTerritoryEvent(e));
          if (next) this.regions.set(id, next);
        } else if (category === 'registry' && isRegistryEventType(e.type)) {
          const next = evolveRegistry(this.organisations.get(id), parseRegistryEvent(e));
          if (next) this.organisations.set(id, next);
        }
      }
      if (batch.length < 5000) return;
      // The first read goes through the whole log (seconds in a region's): requests go on between its pages.
      await nextTurn();
    }
  }

  /** How far into the log this process's register has read (after a `catchUp`): a roll-up cached before it moved is stale. */
  version(): string {
    return positionToString(this.position);
  }

  /** Where the organisation last had an event, as of the last catch-up. */
  lastEventOf(orgId: string): LogPosition | undefined {
    return this.lastEvent.get(orgId);
  }

  async allRegions(): Promise<RegionState[]> {
    await this.catchUp();
    return [...this.regions.values()];
  }

  async allOrganisations(): Promise<RegisteredOrganisation[]> {
    await this.catchUp();
    return [...this.organisations.values()];
  }

  /** The organisations of a territory, by name. */
  async within(territory: Territory): Promise<RegisteredOrganisation[]> {
    await this.catchUp();
    return [...this.organisations.values()].filter((o) => withinTerritory(territory, o)).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  /** The names of a municipality and its region, for lists. */
  placeNames(regionId: string, municipalityId: string): { region: string; municipality: string } {
    const region = this.regions.get(regionId);
    return { region: region?.name ?? '—', municipality: region?.municipalities.find((m) => m.municipalityId === municipalityId)?.name ?? '—' };
  }
}
