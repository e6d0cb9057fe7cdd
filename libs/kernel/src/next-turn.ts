/**
 * Lets the event loop go until its next turn (`setImmediate`): pending I/O — requests, commits — runs
 * before the caller goes on. For long work in slices (a page of the log, a slice of organisations):
 * `await` alone resumes in the same turn, ahead of every request waiting.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
