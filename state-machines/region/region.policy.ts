import type { Actor } from '../people/roles';
import { refuse } from '../shared/domain-error';
import type { Territory } from './region-access';

export const isSystemAdmin = (actor: Actor): boolean => actor.region?.role === 'system-admin';

/** Regions, municipalities, organisations and the accounts above them are the system administrator's (DESIGN.md, «Роли»). */
export function requireSystemAdmin(actor: Actor, what: string): void {
  if (!isSystemAdmin(actor)) refuse({ kind: 'forbidden', code: 'system-admin-only', clause: '§3.3', message: `${what} системный администратор.` });
}

/** The territory a coordinator reads, or a refusal: the figures of organisations are not anyone else's to read here. */
export function coordinatorTerritory(actor: Actor): Territory {
  if (actor.region?.role !== 'coordinator') {
    return refuse({ kind: 'forbidden', code: 'coordinator-only', clause: '§3.4', message: 'Сводные показатели организаций муниципалитета или региона видит координатор муниципалитета или региона.' });
  }
  return actor.region.territory;
}

/** Whether an organisation of that municipality lies within the territory. */
export const withinTerritory = (t: Territory, place: { regionId: string; municipalityId: string }): boolean =>
  t.regionId === place.regionId && (t.kind === 'region' || t.municipalityId === place.municipalityId);
