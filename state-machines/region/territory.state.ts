import type { TerritoryEvent } from './territory.events';

export interface Municipality {
  municipalityId: string;
  name: string;
}

/** A region as its stream folds: its name and its municipalities, in the order registered. */
export interface RegionState {
  regionId: string;
  name: string;
  municipalities: readonly Municipality[];
}

export function evolveRegion(s: RegionState | undefined, e: TerritoryEvent): RegionState | undefined {
  switch (e.type) {
    case 'RegionRegistered':
      return { regionId: e.data.regionId, name: e.data.name, municipalities: s?.municipalities ?? [] };
    case 'MunicipalityRegistered':
      return s && { ...s, municipalities: [...s.municipalities, { municipalityId: e.data.municipalityId, name: e.data.name }] };
  }
}

export const foldRegion = (events: readonly TerritoryEvent[]): RegionState | undefined => events.reduce<RegionState | undefined>(evolveRegion, undefined);

export const municipalityOf = (region: RegionState | undefined, municipalityId: string): Municipality | undefined =>
  region?.municipalities.find((m) => m.municipalityId === municipalityId);
