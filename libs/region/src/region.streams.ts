import { foldRegion, foldRegistry, parseRegistryEvent, parseTerritoryEvent, type RegionState, type RegisteredOrganisation } from '#core/region';
import { streamId } from '#core/shared';
import type { EventStore } from '#libs/event-store';
import { readCommandStream, type CommandStream } from '#libs/kernel';

export const regionStream = (regionId: string): string => streamId('region', regionId);
export const registryStream = (orgId: string): string => streamId('registry', orgId);

export const loadRegion = (store: EventStore, regionId: string): Promise<CommandStream<RegionState | undefined>> =>
  readCommandStream(store, regionStream(regionId), (events) => foldRegion(events.map(parseTerritoryEvent)));

export const loadRegistry = (store: EventStore, orgId: string): Promise<CommandStream<RegisteredOrganisation | undefined>> =>
  readCommandStream(store, registryStream(orgId), (events) => foldRegistry(events.map(parseRegistryEvent)));
