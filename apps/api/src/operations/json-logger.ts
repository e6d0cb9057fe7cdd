import type { LoggerService } from '@nestjs/common';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * Nest's logger as one JSON object per line on stdout, for a log collector. A message that is an
 * object keeps its fields; callers pass ids, codes and timings only, never a body or a person's data.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.emit('fatal', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]) {
    // Nest passes the context last; an error's stack comes before it.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = rest.find((r): r is string => typeof r === 'string' && r.includes('\n    at '));
    const fields = message !== null && typeof message === 'object' && !(message instanceof Error) ? message : { msg: String(message instanceof Error ? message.message : message) };
    this.write(JSON.stringify({ time: new Date().toISOString(), level, context, ...fields, stack }) + '\n');
  }
}
