import { createEventStore } from '../../../libs/event-store/src/event-store.factory';
import { UsersService } from '../../../libs/auth/src/users.service';
import { createApp } from './create-app';

async function main() {
  const store = createEventStore(process.env);
  const app = await createApp({ store }, ['error', 'warn']);
  const port = Number(process.env.PORT || 3000);
  const token = await app.get(UsersService).bootstrapAdmin();
  await app.listen(port, process.env.HOST || '127.0.0.1');
  const storeName = process.env.EVENTSTORE_CONNECTION_STRING ? 'EventStoreDB' : `встроенное (${process.env.DATA_DIR || './data'})`;
  process.stdout.write(`Сервер наставничества: http://localhost:${port}/api  (OpenAPI: /api/openapi.json; хранилище: ${storeName})\n`);
  if (token) {
    // Shown once, on the very first start of an empty store; only its hash is stored.
    process.stdout.write(`\nТокен администратора (сохраните, больше он не будет показан):\n  ${token}\n\n`);
  }
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main().catch((error) => {
  process.stderr.write(`Не удалось запустить сервер: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
