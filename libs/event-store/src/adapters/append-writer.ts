import type { AppendRequest } from './sqlite-group-commit';
import type { Committed } from './sqlite-outcome';

/** One group commit, for whoever watches the store (metrics). */
export interface CommitInfo {
  appends: number;
  /** Time from the start of the transaction to the end of its fsync. */
  ms: number;
}

/** Where the embedded store's appends go: acknowledged once they are on disk. */
export interface AppendWriter {
  append(request: Omit<AppendRequest, 'id'>): Promise<Committed>;
  /** Commits what is queued, then lets go of the write connection. */
  close(): Promise<void>;
}
