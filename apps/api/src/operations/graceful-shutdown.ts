import { Logger, type INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);

/**
 * SIGTERM / SIGINT: stop accepting connections, let every request in flight finish (so a step
 * that was answered 2xx is on disk), then stop the modules, commit what the store still holds,
 * close it, and exit 0.
 */
export function closeOnSignals(app: INestApplication, store: EventStore): void {
  const logger = new Logger('shutdown');
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log({ msg: 'shutting down', signal });
    try {
      const server = app.getHttpServer() as Server;
      // Keep-alive clients would go on sending on their open connections: tell each to close after
      // its answer, and close every connection as soon as it has no request in flight.
      server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearInterval(idle);
      clearTimeout(cut);
      await app.close();
      await store.close();
      logger.log({ msg: 'stopped', signal });
      process.exit(0);
    } catch (error) {
      logger.error({ msg: 'shutdown failed', error: (error as Error).message });
      process.exit(1);
    }
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
