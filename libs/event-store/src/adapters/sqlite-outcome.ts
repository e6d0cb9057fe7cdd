import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { ConcurrencyError, StoreUnavailableError, type ExpectedRevision, type StoreFailureReason } from '../event-store.port';

export interface Committed {
  nextRevision: number;
  position: number;
}

export interface Waiter {
  resolve: (w: Committed) => void;
  reject: (e: unknown) => void;
}

/** A SQLite failure as it crosses threads: message, SQLite code, and what it means for the operator. */
export interface WireError {
  message: string;
  code?: string;
  reason: StoreFailureReason;
}

/** What became of one append of a group commit: committed, a conflict of its expected revision, or a failure. */
export type AppendOutcome =
  | { id: number; nextRevision: number; position: number }
  | { id: number; conflict: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' } }
  | { id: number; error: WireError };

/**
 * SQLITE_FULL is a full disk; SQLITE_READONLY a file or directory the process may not write.
 * A filesystem remounted read-only shows up as a plain I/O error, so the directory is probed.
 */
export function describeFailure(error: unknown, file: string): WireError {
  const e = error as { message?: string; code?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = String(e?.message ?? error);
  if (code?.startsWith('SQLITE_FULL')) return { message, code, reason: 'disk-full' };
  if (code?.startsWith('SQLITE_READONLY') || !writable(file)) return { message, code, reason: 'read-only' };
  return { message, code, reason: 'unavailable' };
}

function writable(file: string): boolean {
  if (file === ':memory:') return true;
  try {
    accessSync(dirname(file), constants.W_OK);
    accessSync(file, constants.W_OK);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT';
  }
}

export const storeFailure = (e: WireError): StoreUnavailableError =>
  new StoreUnavailableError(`Не удалось записать события: ${e.message}${e.code ? ` (${e.code})` : ''}`, e, e.reason);

export function settle(outcome: AppendOutcome, waiter: Waiter): void {
  if ('conflict' in outcome) {
    const { streamId, expected, actual } = outcome.conflict;
    waiter.reject(new ConcurrencyError(streamId, expected, actual));
  } else if ('error' in outcome) {
    waiter.reject(storeFailure(outcome.error));
  } else {
    waiter.resolve(outcome);
  }
}
