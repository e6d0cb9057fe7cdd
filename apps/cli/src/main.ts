import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { createEventStore } from '#libs/event-store';
import { withPersonalData } from '#libs/personal-data';
import { backupCommand, restoreCommand } from './backup.commands';
import { DemoModule, loadDemo } from '#libs/demo';
import { DomainError } from '#core/shared';
import { projectCommand, rebuildCommand, reportCommand } from './read-model.commands';
import { retireSigningKeyCommand, rotateSigningKeyCommand, sealCommand, signingKeyCommand, verifyCommand, witnessCommand } from './integrity.commands';
import { clockOf, loadConfig, tuneHeapGrowth } from '#libs/kernel';
import { CommandLineError, COMMANDS, isCommand, parseCommandLine, type CommandName } from './command-line';

z.config(z.locales.ru());

/** One entry per command, in the order of COMMANDS (command-line.ts holds their flags). */
const HELP: Record<CommandName, string> = {
  demo: 'demo      загрузить демонстрационный детский сад в организацию ORG_ID, пока в ней нет данных (DATA_DIR или EVENTSTORE_CONNECTION_STRING)',
  project: 'project   обновлять модели чтения отдельным процессом (API тогда с PROJECTIONS=off)',
  rebuild: 'rebuild   перестроить модели чтения из журнала (сине-зелёная замена, API продолжает работать)',
  report: `report    --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД [--form форма] [--format json|html|csv|xlsx] [--out файл] [--at позиция] [--org ID] [--today ГГГГ-ММ-ДД]
            отчёт о мониторинге (п. 3.4), построенный из журнала; --at воспроизводит отчёт на позиции`,
  backup: 'backup    <файл>  резервная копия встроенного хранилища, пока сервер работает',
  restore: 'restore   <файл>  восстановить резервную копию в пустой каталог данных (DATA_DIR)',
  verify: `verify    [--org ID] [--head N:H] [--statement файл.html]
            проверить цепочку целостности журнала (всех организаций или одной); код выхода 1 при нарушении`,
  seal: 'seal      запечатывать журнал в цепочки отдельным процессом (API тогда с AUDIT_SEALER=off)',
  witness: `witness   свидетель: заверять контрольные суммы журналов организаций (WITNESS_*; сторона муниципалитета, не организации)`,
  'signing-key': 'signing-key --org ID  ключи, которыми организация подписывает контрольные суммы журнала (первый создаётся)',
  'rotate-signing-key': 'rotate-signing-key --org ID  добавить новый ключ подписи (подписывают оба, пока старый не выведен)',
  'retire-signing-key': 'retire-signing-key --org ID --key ID_КЛЮЧА  вывести ключ из подписи (прежние подписи им проверяются и дальше)',
};
const USAGE = `Использование: npm run cli -- <команда>\n${COMMANDS.map((c) => `  ${HELP[c]}`).join('\n')}`;

const out = (line: string) => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!isCommand(command)) {
    process.stdout.write(USAGE + '\n');
    return command ? 2 : 0;
  }
  // The command line, then the environment: both are checked before any file is opened or written.
  const line = parseCommandLine(command, args);
  const config = loadConfig();
  if (command === 'restore') return restoreCommand(config, line.file, out);
  // The witness is another party's process: it opens no store of the organisation's.
  if (command === 'witness') return witnessCommand(config, clockOf(config), out, err);
  const clock = clockOf(config);
  const store = withPersonalData(createEventStore(config, clock.now), config, clock.now);
  if (command !== 'demo') {
    try {
      if (command === 'backup') return await backupCommand(store.stored, store.keys, line.file, out);
      if (command === 'project') {
        // A long-running process like the API: the same bound on garbage (HEAP_GROWING_PERCENT).
        tuneHeapGrowth(config);
        return await projectCommand(store, config, out, err);
      }
      if (command === 'rebuild') return await rebuildCommand(store, config, out);
      // Integrity reads the log as stored (personal fields encrypted): the chains are over those bytes.
      if (command === 'verify') return await verifyCommand(store.stored, store.keys, clock, config, line.flags, out, err);
      if (command === 'seal') return await sealCommand(store.stored, store.keys, clock, config, out, err);
      if (command === 'signing-key') return signingKeyCommand(store.keys, clock, config, line.flags, out);
      if (command === 'rotate-signing-key') return rotateSigningKeyCommand(store.keys, clock, config, line.flags, out);
      if (command === 'retire-signing-key') return retireSigningKeyCommand(store.keys, clock, config, line.flags, out);
      return await reportCommand(store, clock, config, line.flags, out);
    } finally {
      await store.close();
    }
  }
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot({ store, clock, config }), { logger: ['error'] });
  try {
    await loadDemo(app, out);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    err(error.message);
    return 1;
  } finally {
    await app.close();
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof CommandLineError) {
      err(`${error.message}\nИспользование: npm run cli -- <команда>\n  ${HELP[error.command]}`);
      process.exit(2);
    }
    err(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
