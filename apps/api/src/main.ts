// First: a stop signal that arrives while the server is still starting is honoured, not fatal.
import { handleSignals } from './operations/graceful-shutdown';
import { createEventStore } from '#libs/event-store';
import { withPersonalData } from '#libs/personal-data';
import { UsersService } from '#libs/auth';
import { projectionsOptionsOf } from '#libs/projections';
import { clockOf, loadConfig, tuneHeapGrowth } from '#libs/kernel';
import { createApp } from './create-app';
import { JsonLogger } from './operations/json-logger';

const shutdown = handleSignals();

async function main() {
  // Every variable is checked before anything opens or listens (a weak ADMIN_TOKEN too): a wrong one stops the start, named.
  const config = loadConfig();
  tuneHeapGrowth(config);
  const clock = clockOf(config);
  // Personal fields are encrypted with per-person keys kept apart from the log (KEYSTORE_FILE).
  const store = withPersonalData(createEventStore(config, clock.now), config, clock.now);
  const app = await createApp({ store, clock, config, projections: projectionsOptionsOf(config) }, ['error', 'warn']);
  const logger = new JsonLogger();
  if (shutdown.requested) return shutdown.serving(app, store, logger, config.SHUTDOWN_GRACE_MS);
  const token = await app.get(UsersService).bootstrapAdmin();
  await app.listen(config.PORT, config.HOST);
  // From here on every log line is JSON (request lines included); Nest's start-up chatter stays filtered above.
  app.useLogger(logger);
  const storeName = config.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : `встроенное (${config.DATA_DIR})`;
  process.stdout.write(`Сервер наставничества: http://localhost:${config.PORT}/  (веб-интерфейс; API: /api, OpenAPI: /api/openapi.json; хранилище: ${storeName})\n`);
  if (token) {
    // Shown once, on the very first start of an empty store; only its hash is stored.
    process.stdout.write(`\nТокен администратора (сохраните, больше он не будет показан):\n  ${token}\n\n`);
  }
  shutdown.serving(app, store, logger, config.SHUTDOWN_GRACE_MS);
}

main().catch((error) => {
  process.stderr.write(`Не удалось запустить сервер: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
