import { createHash, randomUUID } from 'node:crypto';

const NAMESPACE = '6f1d2c36-3c0e-4a8c-9d55-2b1f7c0e9a11';
const namespaceBytes = (namespace: string) => Buffer.from(namespace.replace(/-/g, ''), 'hex');
const DEFAULT_NS = namespaceBytes(NAMESPACE);

/** RFC 4122 name-based (v5, SHA-1) UUID: the same name always gives the same id. */
export function uuidFromName(name: string, namespace = NAMESPACE): string {
  const ns = namespace === NAMESPACE ? DEFAULT_NS : namespaceBytes(namespace);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A command's id: derived from the Idempotency-Key when given, so a retry is the same command. */
export function commandIdFor(scope: { orgId: string; userId: string }, idempotencyKey?: string): string {
  return idempotencyKey ? uuidFromName(`command:${scope.orgId}:${scope.userId}:${idempotencyKey}`) : randomUUID();
}

export const eventIdFor = (commandId: string, streamId: string, index: number): string =>
  uuidFromName(`event:${commandId}:${streamId}:${index}`);

export const hashRequest = (body: unknown): string =>
  createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
