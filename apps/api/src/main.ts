// First: a stop signal that arrives while the server is still starting is honoured, not fatal.
import { handleSignals } from './operations/graceful-shutdown';
import { createEventStore } from '#libs/event-store';
import { withPersonalData } from '#libs/personal-data';
import { adminTokenProblem, UsersService } from '#libs/auth';
import { projectionsOptionsFromEnv } from '#libs/projections';
import { clockFromEnv, tuneHeapGrowth } from '#libs/kernel';
import { createApp } from './create-app';
import { JsonLogger } from './operations/json-logger';

const shutdown = handleSignals();

async function main() {
  tuneHeapGrowth(process.env);
  // Before anything opens: a weak administrator's key is a reason not to serve at all.
  const weakAdminToken = process.env.ADMIN_TOKEN ? adminTokenProblem(process.env.ADMIN_TOKEN) : undefined;
  if (weakAdminToken) throw new Error(weakAdminToken);
  const clock = clockFromEnv(process.env);
  // Personal fields are encrypted with per-person keys kept apart from the log (KEYSTORE_FILE).
  const store = withPersonalData(createEventStore(process.env, clock.now), process.env, clock.now);
  const app = await createApp({ store, clock, projections: projectionsOptionsFromEnv(process.env) }, ['error', 'warn']);
  const logger = new JsonLogger();
  if (shutdown.requested) return shutdown.serving(app, store, logger);
  const port = Number(process.env.PORT || 3000);
  const token = await app.get(UsersService).bootstrapAdmin();
  await app.listen(port, process.env.HOST || '127.0.0.1');
  // From here on every log line is JSON (request lines included); Nest's start-up chatter stays filtered above.
  app.useLogger(logger);
  const storeName = process.env.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : `встроенное (${process.env.DATA_DIR || './data'})`;
  process.stdout.write(`Сервер наставничества: http://localhost:${port}/  (веб-интерфейс; API: /api, OpenAPI: /api/openapi.json; хранилище: ${storeName})\n`);
  if (token) {
    // Shown once, on the very first start of an empty store; only its hash is stored.
    process.stdout.write(`\nТокен администратора (сохраните, больше он не будет показан):\n  ${token}\n\n`);
  }
  shutdown.serving(app, store, logger);
}

main().catch((error) => {
  process.stderr.write(`Не удалось запустить сервер: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
