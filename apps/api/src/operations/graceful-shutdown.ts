import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import type { EventStore } from '#libs/event-store';

export interface Shutdown {
  /**
   * The app is listening: a signal from now on drains its requests; one that came while starting stops it now.
   * `graceMs` (`SHUTDOWN_GRACE_MS`): how long requests in flight may take to finish before their connections are cut.
   */
  serving(app: INestApplication, store: EventStore, logger: LoggerService, graceMs: number): void;
  /** A signal arrived while the app was still starting (it should not start listening). */
  readonly requested: boolean;
}

/**
 * SIGTERM / SIGINT, handled from the first module `main` loads (this one imports nothing at run time), so a process told to stop while it is
 * still starting (a cluster stopped right after replacing a worker) also exits 0: it has served nothing,
 * so it closes the store once started and exits. Once serving: stop accepting connections, let every
 * request in flight finish (so a step that was answered 2xx is on disk), then stop the modules, commit
 * what the store still holds, close it, and exit 0.
 */
export function handleSignals(): Shutdown {
  let signal: NodeJS.Signals | undefined;
  let close: ((signal: NodeJS.Signals) => Promise<void>) | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    if (signal) return;
    signal = s;
    void close?.(s);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return {
    get requested() {
      return signal !== undefined;
    },
    serving(app, store, logger, graceMs) {
      close = async (s) => {
        logger.log({ msg: 'shutting down', signal: s }, 'shutdown');
        try {
          const server = app.getHttpServer() as Server;
          if (server.listening) await drain(server, graceMs);
          await app.close();
          await store.close();
          logger.log({ msg: 'stopped', signal: s }, 'shutdown');
          process.exit(0);
        } catch (error) {
          logger.error({ msg: 'shutdown failed', error: (error as Error).message }, undefined, 'shutdown');
          process.exit(1);
        }
      };
      if (signal) void close(signal);
    },
  };
}

/** Keep-alive clients would go on sending on their open connections: each is closed as soon as it has no request in flight. */
async function drain(server: Server, graceMs: number): Promise<void> {
  server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  clearInterval(idle);
  clearTimeout(cut);
}
