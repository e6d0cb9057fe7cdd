import { hash } from 'node:crypto';

/** What the chain covers of a stored event (the port's `RecordedEvent` has these fields). */
export interface HashedEvent {
  streamId: string;
  revision: number;
  id: string;
  type: string;
  created: string;
  data: unknown;
  metadata: unknown;
}

/**
 * The canonical bytes of an event: stream, revision, id, type and created as JSON strings, then
 * `JSON.stringify` of data and of metadata exactly as the store returns them (personal fields in
 * their encrypted form), one per line. No part holds a raw newline, so the encoding is unambiguous.
 */
export function canonicalText(e: HashedEvent): string {
  return canonicalOf(e.streamId, e.revision, e.id, e.type, e.created, JSON.stringify(e.data), JSON.stringify(e.metadata));
}

/** The same from the stored JSON text (the embedded store writes `JSON.stringify` output, which parses and prints back to itself). */
export function canonicalOf(streamId: string, revision: number, id: string, type: string, created: string, dataJson: string, metadataJson: string): string {
  return `${JSON.stringify(streamId)}\n${revision}\n${JSON.stringify(id)}\n${JSON.stringify(type)}\n${JSON.stringify(created)}\n${dataJson}\n${metadataJson}`;
}

/**
 * hash_i = SHA-256 of the UTF-8 text `hex(hash_{i-1})`, a newline, and the canonical text of event i,
 * in lowercase hex: any tool that hashes text can recompute a chain. (One-shot `crypto.hash` is about
 * twice as fast as a Hash object per event.)
 */
export function chainHash(previous: string, canonical: string): string {
  return hash('sha256', `${previous}\n${canonical}`, 'hex');
}

/** hash_0: bound to the organisation, so one organisation's chain cannot pass for another's. */
export function genesisHash(orgId: string): string {
  return hash('sha256', `auditchain/v1\n${JSON.stringify(orgId)}`, 'hex');
}
