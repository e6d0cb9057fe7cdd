import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openEventsFile } from './sqlite-file';

/** Refused backup or restore, said so that an operator knows what to do. */
export class BackupError extends Error {}

/**
 * Copies the whole store with SQLite's online backup API. The copy is taken in one step, under
 * one read snapshot, so appends committed meanwhile neither restart it nor half-appear in it.
 */
export async function backupEventsFile(db: Database.Database, target: string): Promise<{ events: number }> {
  if (existsSync(target)) throw new BackupError(`Файл ${target} уже существует; резервная копия не перезаписывает файлы.`);
  await db.backup(target, { progress: () => 0x7fffffff });
  return { events: check(target) };
}

/**
 * Restores a backup into a data directory whose store is absent or empty: the backup is checked
 * (integrity, the events table) before a byte is written, then copied with the backup API.
 */
export async function restoreEventsFile(backup: string, target: string): Promise<{ events: number }> {
  if (!existsSync(backup)) throw new BackupError(`Файл резервной копии ${backup} не найден.`);
  const events = check(backup);
  if (existsSync(target)) {
    const current = openEventsFile(target);
    try {
      const { n } = current.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!;
      if (n > 0) throw new BackupError(`В ${target} уже есть события (${n}); восстановление возможно только в пустой каталог данных.`);
    } finally {
      current.close();
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  openEventsFile(target).close();
  return { events };
}

/** The number of events in a store file that passes SQLite's integrity check. */
function check(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`Файл ${file} повреждён: ${String(result)}.`);
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    if (!table) throw new BackupError(`Файл ${file} — не хранилище событий (нет таблицы events).`);
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!.n;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Файл ${file} не читается как хранилище событий: ${(error as Error).message}.`);
  } finally {
    db.close();
  }
}
