import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { createEventStore } from '../../../libs/event-store/src/event-store.factory';
import { AppModule } from '../../api/src/app.module';
import { loadDemo } from './demo';

z.config(z.locales.ru());

const USAGE = `Использование: npm run cli -- <команда>
  demo   загрузить демонстрационный детский сад в пустое хранилище (DATA_DIR или EVENTSTORE_CONNECTION_STRING)`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command !== 'demo') {
    process.stdout.write(USAGE + '\n');
    return command ? 2 : 0;
  }
  const store = createEventStore(process.env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ store }), { logger: ['error'] });
  try {
    if ((await store.readAll({ maxCount: 1, streamPrefixes: ['person-', 'mentorship-'] })).length > 0) {
      process.stderr.write('В хранилище уже есть данные; демонстрационные данные загружаются только в пустое хранилище.\n');
      return 1;
    }
    await loadDemo(app, (line) => process.stdout.write(line + '\n'));
    return 0;
  } finally {
    await app.close();
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Ошибка: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
