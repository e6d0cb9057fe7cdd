import { existsSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  BackupError, restoreEventsFile, SqliteEventStore, embeddedStoreFile, type EventStoreEnv, type EventStore,
} from '#libs/event-store';
import { keyFileBeside, type KeyStoreEnv, type PersonalKeyStore, SqliteKeyStore } from '#libs/personal-data';

/** The personal-data keys are backed up beside the events, in `<file>.keys`: without them a restored log shows every name as erased. */
const keysBackupOf = (file: string) => `${file}.keys`;

type Out = (line: string) => void;

const ESDB = 'Резервное копирование и восстановление здесь — для встроенного хранилища; у EventStoreDB свои средства (резервная копия каталога данных узла).';

/** `backup <file>`: an online copy of the embedded store, taken while the server keeps writing. */
export async function backupCommand(store: EventStore, keys: PersonalKeyStore, file: string | undefined, out: Out): Promise<number> {
  if (!file) return usage(out, 'Укажите файл резервной копии: npm run cli -- backup <файл>');
  if (!(store instanceof SqliteEventStore)) return usage(out, ESDB);
  try {
    const { events } = await store.backup(resolve(file));
    if (keys instanceof SqliteKeyStore) await keys.backup(keysBackupOf(resolve(file)));
    out(`Резервная копия сохранена: ${resolve(file)} (событий: ${events}); ключи персональных данных: ${keysBackupOf(resolve(file))}.`);
    return 0;
  } catch (error) {
    return failed(out, error);
  }
}

/** `restore <file>`: a backup into a data directory with no events yet; the read models are then rebuilt on start. */
export async function restoreCommand(env: EventStoreEnv & KeyStoreEnv, file: string | undefined, out: Out): Promise<number> {
  if (!file) return usage(out, 'Укажите файл резервной копии: npm run cli -- restore <файл>');
  if (env.EVENTSTORE_CONNECTION_STRING?.trim()) return usage(out, ESDB);
  const target = embeddedStoreFile(env);
  const readModels = join(dirname(target), 'readmodels.sqlite');
  if (existsSync(readModels)) {
    return usage(out, `В каталоге данных уже есть модели чтения (${readModels}) другого журнала: восстанавливайте в пустой каталог данных.`);
  }
  try {
    const { events } = await restoreEventsFile(resolve(file), target);
    out(`Восстановлено событий: ${events} в ${resolve(target)}. Модели чтения построятся при запуске сервера.`);
    const keysFile = keyFileBeside(target, env);
    if (existsSync(keysBackupOf(resolve(file)))) {
      copyFileSync(keysBackupOf(resolve(file)), keysFile);
      out(`Ключи персональных данных восстановлены в ${resolve(keysFile)}.`);
    } else {
      out(`Внимание: рядом с копией нет файла ключей ${keysBackupOf(resolve(file))}: имена сотрудников будут показаны как уничтоженные.`);
    }
    return 0;
  } catch (error) {
    return failed(out, error);
  }
}

function usage(out: Out, message: string): number {
  out(message);
  return 2;
}

function failed(out: Out, error: unknown): number {
  out(error instanceof BackupError ? error.message : `Не удалось: ${(error as Error).message}`);
  return 1;
}
