import { z } from 'zod';

/**
 * The hash chain of each organisation lives in the log itself, in stream `auditchain-<orgId>`
 * (events without an organisation go to `auditchain-_system`), so it travels with backups and
 * works the same on both stores. `auditchain-_registry` lists the chains that exist, so that a
 * chain deleted as a whole is missed by verification rather than silently ignored.
 */
export const CHAIN_PREFIX = 'auditchain-';
export const SYSTEM_CHAIN = '_system';
export const REGISTRY_STREAM = `${CHAIN_PREFIX}_registry`;

export const chainStreamOf = (orgId: string): string => `${CHAIN_PREFIX}${orgId}`;
export const isChainStream = (streamId: string): boolean => streamId.startsWith(CHAIN_PREFIX);
export const chainOrgOf = (metadata: { orgId?: unknown } | null | undefined): string =>
  typeof metadata?.orgId === 'string' && metadata.orgId !== '' ? metadata.orgId : SYSTEM_CHAIN;

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const position = z.string().regex(/^-?\d+\/-?\d+$/);

/**
 * The links of a batch, column by column (parsed 2.5× faster than an object per link, 27 % smaller):
 * link i is the sealed event's log position, stream, revision and id, and the chain hash up to and including it.
 */
export const chainLinks = z.object({
  position: z.array(position), streamId: z.array(z.string()), revision: z.array(z.number().int()), eventId: z.array(z.string()), hash: z.array(hash),
});
export type ChainLinks = z.infer<typeof chainLinks>;

/** A batch of links; `head` is the hash of the last one, `count` the chain length after it. */
export const eventsChained = z.object({ links: chainLinks, head: hash, count: z.number().int().positive() });
export type EventsChained = z.infer<typeof eventsChained>;

/** Link `i` of a batch, if the columns agree in length. */
export function linkAt(l: ChainLinks, i: number): { position: string; streamId: string; revision: number; eventId: string; hash: string } {
  return { position: l.position[i], streamId: l.streamId[i], revision: l.revision[i], eventId: l.eventId[i], hash: l.hash[i] };
}

/** Columns of equal length, as the sealer writes them; anything else is a damaged record. */
export function wellFormedLinks(l: unknown): l is ChainLinks {
  const c = l as Partial<ChainLinks> | null;
  const n = Array.isArray(c?.position) ? c.position.length : -1;
  return n > 0 && [c!.streamId, c!.revision, c!.eventId, c!.hash].every((a) => Array.isArray(a) && a.length === n);
}

/**
 * The head recorded periodically: every event of the organisation up to `position` is in the chain.
 * Since the Merkle tree (docs/transparency-formats.md): `root` of the tree over the chain's `count`
 * entries, its `frontier` (the roots of its perfect subtrees, largest first: where a restart resumes
 * the tree), and the `checkpoint` the organisation signed, when a key was at hand.
 */
export const chainHeadRecorded = z.object({
  head: hash, count: z.number().int().nonnegative(), position, recordedAt: z.string(),
  root: hash.optional(), frontier: z.array(hash).optional(), checkpoint: z.string().optional(),
});
export type ChainHeadRecorded = z.infer<typeof chainHeadRecorded>;

/** In the registry: a chain exists; no event of the organisation lies at or before `after`. */
export const chainOpened = z.object({ orgId: z.string(), stream: z.string(), after: position });
export type ChainOpened = z.infer<typeof chainOpened>;

/** At most this many links per `EventsChained` (an EventStoreDB event stays far below its 1 MB append limit). */
export const MAX_LINKS_PER_EVENT = 500;
