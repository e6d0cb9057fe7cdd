import type { LoggerService } from '@nestjs/common';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * Nest's logger as one JSON object per line on stdout, for a log collector. A message that is an
 * object keeps its fields; callers pass ids, codes and timings only, never a body or a person's data.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly write: (line: string) => void = stdoutPerTurn()) {}

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
    if (level === 'error' || level === 'fatal') flushStdout();
  }
}

let pending = '';
/** Writes what is pending now (errors at once, so a crash right after does not swallow them). */
function flushStdout(): void {
  const lines = pending;
  pending = '';
  if (lines) process.stdout.write(lines);
}

/**
 * The lines of one event-loop turn go out in one write: a write per request line was a system call
 * per request (stdout to a file or pipe is synchronous on Linux). Flushed on exit too.
 */
let flushOnExit = false;
function stdoutPerTurn(): (line: string) => void {
  if (!flushOnExit) process.once('exit', flushStdout);
  flushOnExit = true;
  return (line) => {
    if (!pending) setImmediate(flushStdout);
    pending += line;
  };
}
