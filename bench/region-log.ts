import type { EventStore } from '#libs/event-store';
import { entry, syntheticLog, writeLog, type LogEntry } from '#testing/projections';

export const REGION_ID = 'bench-region';
export const MUNICIPALITIES = 40;
export const orgIdOf = (n: number) => `org-${String(n).padStart(5, '0')}`;
export const municipalityOf = (n: number) => `mun-${n % MUNICIPALITIES}`;

/**
 * A region's log: the region and its municipalities, `organisations` registered organisations spread over
 * them, and in each `mentorships` synthetic mentorships through their lifecycles (most completed with
 * reports, some withdrawn, replaced or still running), interleaved organisation after organisation.
 */
export function* regionalLog(organisations: number, mentorships: number): Generator<LogEntry> {
  yield entry(`region-${REGION_ID}`, 'RegionRegistered', { regionId: REGION_ID, name: 'Тестовый край', date: '2024-01-01' }, '_system', '2024-01-01');
  for (let m = 0; m < MUNICIPALITIES; m++) {
    yield entry(`region-${REGION_ID}`, 'MunicipalityRegistered', { regionId: REGION_ID, municipalityId: `mun-${m}`, name: `Район ${m + 1}`, date: '2024-01-01' }, '_system', '2024-01-01');
  }
  for (let n = 0; n < organisations; n++) {
    const orgId = orgIdOf(n);
    yield entry(`registry-${orgId}`, 'OrganisationRegistered', {
      orgId, name: `Детский сад № ${n + 1}`, regionId: REGION_ID, municipalityId: municipalityOf(n), timeZone: 'Europe/Moscow', date: '2024-01-02',
    }, orgId, '2024-01-02');
    yield* syntheticLog({ mentorships, orgId, concurrency: mentorships });
  }
}

/** Writes the region's log into a store in large groups; returns how many events it wrote. */
export function writeRegionalLog(store: EventStore, organisations: number, mentorships: number, chunk = 5000): Promise<number> {
  return writeLog(store, regionalLog(organisations, mentorships), chunk);
}
