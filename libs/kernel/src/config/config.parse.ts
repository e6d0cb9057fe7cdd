import { configSchema, SECRET_VARIABLES, type Config, type ConfigVariable } from './config.schema';

/** The environment as a process has it (or a test's part of it). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Every refused variable of one start, each on its own line: `NAME=value: what is allowed`. */
export class ConfigError extends Error {
  constructor(readonly refusals: readonly string[]) {
    super(`Переменные окружения заданы неверно (допустимые значения и умолчания — в .env.example):\n${refusals.map((r) => `  ${r}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The configuration from an environment, or a ConfigError naming every wrong value at once. */
export function parseConfig(env: Environment): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const refusals = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]) as ConfigVariable;
    const shown = SECRET_VARIABLES.has(name) ? '(значение скрыто)' : env[name];
    return `${name}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(refusals);
}

let defaults: Config | undefined;
/** What an empty environment gives: the configuration of a test app that sets nothing. */
export const defaultConfig = (): Config => (defaults ??= Object.freeze(parseConfig({})));
