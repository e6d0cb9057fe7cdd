import { positionToString, type EventStore, type LogPosition } from '#libs/event-store';
import { nextTurn } from '#libs/kernel';
import { CHAIN_PREFIX, REGISTRY_STREAM, chainOrgOf, chainStreamOf } from './chain.events';
import { canonicalOf, canonicalText } from './chain-hash';
import { Verification, type WitnessInput } from './verification';
import { hasStoredPages, orgOfStored, type StoredPages } from './stored-pages';
import type { HeadAnchor, VerificationResult } from './verification.result';

export interface VerifyOptions {
  /** One organisation; absent: every organisation in the log. */
  orgId?: string;
  /** Heads printed on earlier statements (with `orgId`). */
  anchors?: HeadAnchor[];
  now: () => Date;
  onProgress?: (p: { position: LogPosition; events: number }) => void;
  pageSize?: number;
  /** Read through the port even where the store offers its stored text (tests compare the two). */
  portOnly?: boolean;
  /** What the witness holds of the organisation's log (with `orgId`): the log is checked against each checkpoint it cosigned. */
  witness?: WitnessInput;
  /** The organisation's time zone, for the times the summaries give (the witness's cosignatures); absent: UTC. */
  timeZone?: string;
}

/**
 * Walks the whole stored log once, in log order, recomputing every organisation's chain and
 * checking it against the links the chain streams hold. Reads the store given (the one below the
 * personal-data codec), so it checks the bytes as stored. On the embedded store it hashes the
 * stored JSON text without parsing it; should that find a change, the parsed walk decides, so text
 * rewritten into equivalent JSON (other spacing) is not called a change.
 */
export async function verifyChains(store: EventStore, options: VerifyOptions): Promise<VerificationResult> {
  if (options.portOnly || !hasStoredPages(store)) return walkPort(store, options);
  const fast = await walkStored(store, options);
  return fast.firstBreak?.kind === 'changed' ? walkPort(store, options) : fast;
}

async function walkPort(store: EventStore, options: VerifyOptions): Promise<VerificationResult> {
  const v = new Verification(options);
  const scope = options.orgId;
  const size = options.pageSize ?? 1000;
  let after: LogPosition | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: size });
    for (const e of page) {
      if (e.streamId.startsWith(CHAIN_PREFIX)) v.chainEvent(e.streamId, e.type, e.data, positionToString(e.position));
      else {
        const org = chainOrgOf(e.metadata);
        if (scope === undefined || org === scope) v.open(org).event(positionToString(e.position), e.id, e.streamId, e.revision, canonicalText(e), e.created);
      }
    }
    if (page.length > 0) v.progress((after = page[page.length - 1].position), page.length);
    if (page.length < size) return v.result();
    await nextTurn();
  }
}

async function walkStored(store: StoredPages, options: VerifyOptions): Promise<VerificationResult> {
  const v = new Verification(options);
  const scope = options.orgId;
  const scopeChain = scope === undefined ? undefined : chainStreamOf(scope);
  const size = options.pageSize ?? 1000;
  let after: LogPosition | undefined;
  for (;;) {
    const rows = store.readStoredPage(after, size);
    for (let i = 0; i < rows.length; i++) {
      // Indexed, not destructured: array destructuring goes through the iterator protocol, per row.
      const r = rows[i];
      const streamId = r[2];
      if (streamId.startsWith(CHAIN_PREFIX)) {
        // Only the chains in question are parsed: links are most of a chain stream's bytes.
        if (scopeChain === undefined || streamId === scopeChain || streamId === REGISTRY_STREAM) v.chainEvent(streamId, r[4], JSON.parse(r[5]), `${r[0]}/${r[0]}`);
        continue;
      }
      const org = orgOfStored(r[6]);
      if (scope === undefined || org === scope) v.open(org).event(`${r[0]}/${r[0]}`, r[1], streamId, r[3], canonicalOf(streamId, r[3], r[1], r[4], r[7], r[5], r[6]), r[7]);
    }
    if (rows.length > 0) v.progress((after = { commit: BigInt(rows[rows.length - 1][0]), prepare: BigInt(rows[rows.length - 1][0]) }), rows.length);
    if (rows.length < size) return v.result();
    await nextTurn();
  }
}

