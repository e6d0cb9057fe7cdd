import { join } from 'node:path';

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');

export interface ProjectionsOptions {
  /** The read-model database file; `:memory:` keeps them in memory (tests, throwaway apps). */
  file: string;
  /** `inline`: this process runs the projector; `off`: another process does (`npm run cli -- project`). */
  mode: 'inline' | 'off';
  /** How long a query with `after` waits for the projections to reach that position. */
  waitMs: number;
}

export const DEFAULT_PROJECTIONS: ProjectionsOptions = { file: ':memory:', mode: 'inline', waitMs: 2000 };

/** `PROJECTIONS=inline|off`, `DATA_DIR` (the file is `readmodels.sqlite` there), `READ_YOUR_WRITES_WAIT_MS`. */
export function projectionsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ProjectionsOptions {
  const mode = env.PROJECTIONS || 'inline';
  if (mode !== 'inline' && mode !== 'off') throw new Error(`PROJECTIONS=${mode}: допустимо inline или off`);
  return {
    file: join(env.DATA_DIR || './data', 'readmodels.sqlite'),
    mode,
    waitMs: Number(env.READ_YOUR_WRITES_WAIT_MS || 2000),
  };
}
