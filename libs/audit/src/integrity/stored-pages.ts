import type { EventStore, LogPosition } from '#libs/event-store';
import { chainOrgOf } from './chain.events';

/** `[position, event id, stream, revision, type, data JSON, metadata JSON, created]`: the embedded store's rows, unparsed. */
export type StoredRow = [number, string, string, number, string, string, string, string];

/** A store that can hand out its log as stored text (the embedded store); the port alone parses every event. */
export interface StoredPages {
  readStoredPage(after: LogPosition | undefined, maxCount: number): StoredRow[];
}

export const hasStoredPages = (store: EventStore): store is EventStore & StoredPages =>
  typeof (store as Partial<StoredPages>).readStoredPage === 'function';

const ORG_PREFIX = '{"orgId":"';

/** The organisation of a stored event without parsing its metadata when, as the app writes it, `orgId` comes first and plain. */
export function orgOfStored(metadataJson: string): string {
  if (metadataJson.startsWith(ORG_PREFIX)) {
    const end = metadataJson.indexOf('"', ORG_PREFIX.length);
    const org = metadataJson.slice(ORG_PREFIX.length, end);
    if (end > ORG_PREFIX.length && !org.includes('\\')) return org;
  }
  return chainOrgOf(JSON.parse(metadataJson) as { orgId?: unknown } | null);
}
