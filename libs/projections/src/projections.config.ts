import { join } from 'node:path';
import type { Config } from '#libs/kernel';

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');

export interface ProjectionsOptions {
  /** The read-model database file; `:memory:` keeps them in memory (tests, throwaway apps). */
  file: string;
  /**
   * `thread`: this process runs the projector on a worker thread of its own (read models in a file; with
   * `:memory:` there is no file to share, so it runs inline); `inline`: on this process's event loop;
   * `off`: another process does (`npm run cli -- project`).
   */
  mode: 'thread' | 'inline' | 'off';
  /** How long a query with `after` waits for the projections to reach that position. */
  waitMs: number;
}

/** Whether the projector runs on this process's event loop: `inline`, or `thread` without a file to share. */
export const projectsOnEventLoop = (o: ProjectionsOptions): boolean => o.mode === 'inline' || (o.mode === 'thread' && o.file === ':memory:');

/** Whether the projector runs on a worker thread of this process: `thread` with read models in a file. */
export const projectsOnThread = (o: ProjectionsOptions): boolean => o.mode === 'thread' && !projectsOnEventLoop(o);

export const DEFAULT_PROJECTIONS: ProjectionsOptions = { file: ':memory:', mode: 'inline', waitMs: 2000 };

/** From the parsed config: `PROJECTIONS`, `DATA_DIR` (the file is `readmodels.sqlite` there), `READ_YOUR_WRITES_WAIT_MS`. */
export function projectionsOptionsOf(config: Pick<Config, 'PROJECTIONS' | 'DATA_DIR' | 'READ_YOUR_WRITES_WAIT_MS'>): ProjectionsOptions {
  return { file: join(config.DATA_DIR, 'readmodels.sqlite'), mode: config.PROJECTIONS, waitMs: config.READ_YOUR_WRITES_WAIT_MS };
}
