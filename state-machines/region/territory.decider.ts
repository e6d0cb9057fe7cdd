import type { Actor } from '../people/roles';
import { refuse } from '../shared/domain-error';
import { requireSystemAdmin } from './region.policy';
import type { RegisterMunicipalityBody, RegisterRegionBody } from './territory.commands';
import type { TerritoryEvent } from './territory.events';
import { municipalityOf, type RegionState } from './territory.state';

export interface TerritoryEnv {
  actor: Actor;
  today: string;
}

export function decideRegisterRegion(body: RegisterRegionBody, state: RegionState | undefined, env: TerritoryEnv): TerritoryEvent[] {
  requireSystemAdmin(env.actor, 'Регионы регистрирует');
  if (state) refuse({ kind: 'state', code: 'region-exists', clause: '§3.3', message: `Регион с таким кодом уже зарегистрирован («${state.name}»).` });
  return [{ type: 'RegionRegistered', data: { regionId: body.regionId, name: body.name, date: env.today } }];
}

export function decideRegisterMunicipality(body: RegisterMunicipalityBody, state: RegionState | undefined, env: TerritoryEnv): TerritoryEvent[] {
  requireSystemAdmin(env.actor, 'Муниципалитеты регистрирует');
  if (!state) return refuse({ kind: 'not-found', code: 'region-not-found', clause: '§3.3', message: 'Регион не найден.' });
  const same = municipalityOf(state, body.municipalityId);
  if (same) refuse({ kind: 'state', code: 'municipality-exists', clause: '§3.3', message: `В регионе уже есть муниципалитет с таким кодом («${same.name}»).` });
  if (state.municipalities.some((m) => m.name === body.name)) {
    refuse({ kind: 'state', code: 'municipality-name-taken', clause: '§3.3', message: `В регионе уже есть муниципалитет «${body.name}».` });
  }
  return [{ type: 'MunicipalityRegistered', data: { regionId: state.regionId, municipalityId: body.municipalityId, name: body.name, date: env.today } }];
}
