import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent, newEvents, streamIn } from '../testing/event-fixtures';
import { BackupError, restoreEventsFile } from './sqlite-backup';
import { SqliteEventStore } from './sqlite-event-store';

/** What the embedded store adds to the contract: its writer thread, commit reports, backup and restore. */
describe('embedded SQLite store: writer thread, backup, restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-writer-'));
  const file = join(dir, 'events.sqlite');
  let store: SqliteEventStore;

  beforeAll(() => {
    store = new SqliteEventStore({ file });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends that arrive together in one transaction and reports it', async () => {
    const commits: { appends: number; ms: number }[] = [];
    const stop = store.onCommit((c) => commits.push(c));
    await Promise.all(Array.from({ length: 50 }, () => store.append(streamIn('mentorship'), newEvents(1), 'no_stream')));
    stop();
    expect(commits.reduce((n, c) => n + c.appends, 0)).toBe(50);
    expect(commits.length).toBeLessThan(50);
    expect(commits.every((c) => c.ms >= 0)).toBe(true);
  });

  it('an event that is not JSON fails alone; the others of its batch are written', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const [good, bad] = [streamIn('mentorship'), streamIn('mentorship')];
    const outcomes = await Promise.allSettled([
      store.append(good, newEvents(1), 'no_stream'),
      store.append(bad, [newEvent('Cyclic', cyclic)], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(await store.readStream(good)).toHaveLength(1);
    expect(await store.readStream(bad)).toEqual([]);
  });

  it('close() commits what was already asked for', async () => {
    const other = new SqliteEventStore({ file: join(dir, 'closing.sqlite') });
    const stream = streamIn('mentorship');
    const pending = other.append(stream, newEvents(3), 'no_stream');
    await other.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 2 });
    const reopened = new SqliteEventStore({ file: join(dir, 'closing.sqlite') });
    expect(await reopened.readStream(stream)).toHaveLength(3);
    await reopened.close();
  });

  it('backs up online and restores only into an empty store, refusing to overwrite', async () => {
    const stream = streamIn('mentorship');
    await store.append(stream, newEvents(2), 'no_stream');
    const backup = join(dir, 'backup.sqlite');
    const writing = store.append(streamIn('mentorship'), newEvents(1), 'no_stream');
    const { events } = await store.backup(backup);
    await writing;
    expect(events).toBeGreaterThanOrEqual(50 + 1 + 2);
    await expect(store.backup(backup)).rejects.toBeInstanceOf(BackupError);

    const target = join(dir, 'restored', 'events.sqlite');
    await expect(restoreEventsFile(backup, target)).resolves.toEqual({ events });
    await expect(restoreEventsFile(backup, target)).rejects.toThrow(/уже есть события/);
    const restored = new SqliteEventStore({ file: target });
    expect(await restored.readStream(stream)).toEqual(await store.readStream(stream));
    await restored.close();
    expect(existsSync(`${target}-wal`)).toBe(false);
  });
});
