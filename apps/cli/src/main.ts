import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { createEventStore } from '#libs/event-store';
import { withPersonalData } from '#libs/personal-data';
import { backupCommand, restoreCommand } from './backup.commands';
import { DemoModule, loadDemo } from '#libs/demo';
import { projectCommand, rebuildCommand, reportCommand } from './read-model.commands';
import { sealCommand, verifyCommand } from './integrity.commands';
import { clockFromEnv, tuneHeapGrowth } from '#libs/kernel';
import { DomainError } from '#core/shared';

z.config(z.locales.ru());

const USAGE = `Использование: npm run cli -- <команда>
  demo      загрузить демонстрационный детский сад в организацию ORG_ID, пока в ней нет данных (DATA_DIR или EVENTSTORE_CONNECTION_STRING)
  project   обновлять модели чтения отдельным процессом (API тогда с PROJECTIONS=off)
  rebuild   перестроить модели чтения из журнала (сине-зелёная замена, API продолжает работать)
  report    --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД [--form] [--format json|csv|xlsx] [--out файл] [--at позиция] [--org] [--today]
            отчёт о мониторинге (п. 3.4), построенный из журнала; --at воспроизводит отчёт на позиции
  backup    <файл>  резервная копия встроенного хранилища, пока сервер работает
  restore   <файл>  восстановить резервную копию в пустой каталог данных (DATA_DIR)
  verify    [--org ID] [--head N:H] [--statement файл.html]
            проверить цепочку целостности журнала (всех организаций или одной); код выхода 1 при нарушении
  seal      запечатывать журнал в цепочки отдельным процессом (API тогда с AUDIT_SEALER=off)`;

const COMMANDS = ['demo', 'project', 'rebuild', 'report', 'backup', 'restore', 'verify', 'seal'];
const out = (line: string) => process.stdout.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!COMMANDS.includes(command)) {
    process.stdout.write(USAGE + '\n');
    return command ? 2 : 0;
  }
  if (command === 'restore') return restoreCommand(process.env, args, out);
  const clock = clockFromEnv(process.env);
  const store = withPersonalData(createEventStore(process.env, clock.now), process.env, clock.now);
  if (command !== 'demo') {
    try {
      if (command === 'backup') return await backupCommand(store.stored, store.keys, args, out);
      if (command === 'project') {
        // A long-running process like the API: the same bound on garbage (HEAP_GROWING_PERCENT).
        tuneHeapGrowth(process.env);
        return await projectCommand(store, process.env, out, (line) => process.stderr.write(line + '\n'));
      }
      if (command === 'rebuild') return await rebuildCommand(store, process.env, out);
      // Integrity reads the log as stored (personal fields encrypted): the chains are over those bytes.
      if (command === 'verify') return await verifyCommand(store.stored, clock, process.env, args, out);
      if (command === 'seal') return await sealCommand(store.stored, clock, process.env, out, (line) => process.stderr.write(line + '\n'));
      return await reportCommand(store, clock, process.env, args, out);
    } finally {
      await store.close();
    }
  }
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot({ store, clock }), { logger: ['error'] });
  try {
    await loadDemo(app, (line) => process.stdout.write(line + '\n'));
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
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
