import { z } from 'zod';

/**
 * Stream `region-<regionId>`: a region and its municipalities (муниципальные районы и округа), which
 * organisations belong to. A municipality's code is unique within its region; organisations and
 * coordinators name a municipality by both codes.
 */
export const regionRegistered = z.object({ regionId: z.string(), name: z.string(), date: z.string() });
export const municipalityRegistered = z.object({ regionId: z.string(), municipalityId: z.string(), name: z.string(), date: z.string() });

export const TERRITORY_EVENT_SCHEMAS = {
  RegionRegistered: regionRegistered,
  MunicipalityRegistered: municipalityRegistered,
} as const;

type Schemas = typeof TERRITORY_EVENT_SCHEMAS;
export type TerritoryEventType = keyof Schemas;
export type TerritoryEvent = { [K in TerritoryEventType]: { type: K; data: z.infer<Schemas[K]> } }[TerritoryEventType];

export const isTerritoryEventType = (type: string): type is TerritoryEventType => Object.prototype.hasOwnProperty.call(TERRITORY_EVENT_SCHEMAS, type);

export function parseTerritoryEvent(event: { type: string; data: unknown }): TerritoryEvent {
  if (!isTerritoryEventType(event.type)) throw new Error(`Unknown territory event type: ${event.type}`);
  return { type: event.type, data: TERRITORY_EVENT_SCHEMAS[event.type].parse(event.data) } as TerritoryEvent;
}
