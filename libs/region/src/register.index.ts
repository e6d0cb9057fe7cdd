import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, START, type EventStore, type LogPosition } from '#libs/event-store';
import {
  evolveRegion, evolveRegistry, isRegistryEventType, isTerritoryEventType, parseRegistryEvent, parseTerritoryEvent, withinTerritory,
  type RegionState, type RegisteredOrganisation, type Territory,
} from '#core/region';
import { parseStreamId } from '#core/shared';

/**
 * The region's register as this process knows it: regions with their municipalities (`region-` streams)
 * and organisations (`registry-` streams), caught up from the log on every read. Small: an entry per
 * organisation and per municipality. Commands never decide on it; they read their own streams.
 */
@Injectable()
export class RegisterIndex {
  private readonly regions = new Map<string, RegionState>();
  private readonly organisations = new Map<string, RegisteredOrganisation>();
  private position: LogPosition = START;
  private running?: Promise<void>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Reads what the log holds past what this process has seen (one read at a time). */
  catchUp(): Promise<void> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, streamPrefixes: ['region-', 'registry-'], maxCount: 1000 });
      for (const e of batch) {
        this.position = e.position;
        const { category, id } = parseStreamId(e.streamId);
        if (category === 'region' && isTerritoryEventType(e.type)) {
          const next = evolveRegion(this.regions.get(id), parseTerritoryEvent(e));
          if (next) this.regions.set(id, next);
        } else if (category === 'registry' && isRegistryEventType(e.type)) {
          const next = evolveRegistry(this.organisations.get(id), parseRegistryEvent(e));
          if (next) this.organisations.set(id, next);
        }
      }
      if (batch.length < 1000) return;
    }
  }

  /** How far into the log this process's register has read (after a `catchUp`): a roll-up cached before it moved is stale. */
  version(): string {
    return `${this.position.commit}/${this.position.prepare}`;
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
