import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import type { EventStore } from '#libs/event-store';

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);

export interface Shutdown {
  /** The app is listening: a signal from now on drains its requests; one that came while starting stops it now. */
  serving(app: INestApplication, store: EventStore, logger: LoggerService): void;
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
    serving(app, store, logger) {
      close = async (s) => {
        logger.log({ msg: 'shutting down', signal: s }, 'shutdown');
        try {
          const server = app.getHttpServer() as Server;
          if (server.listening) await drain(server);
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
async function drain(server: Server): Promise<void> {
  server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  clearInterval(idle);
  clearTimeout(cut);
}
