import type { Config } from './config.schema';
import { parseConfig } from './config.parse';

/**
 * The one read of the environment in the apps and libs: each process's `main` calls it first, and
 * hands the result on (Nest modules get it as CONFIG / APP_CONFIG, CLI commands as an argument).
 */
export const loadConfig = (): Config => parseConfig(process.env);
