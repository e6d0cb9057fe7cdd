import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SqliteEventStore } from '#libs/event-store';
import { createApp } from '../../apps/api/src/create-app';
import { ProjectorThreadService } from '../../apps/api/src/operations/projector-thread.service';
import { testClock } from '../support/test-clock';
import type { ApiClient } from './support/api-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * `PROJECTIONS=thread`, the default of `npm start`: the read models are kept on a worker thread of
 * the API process. What a curator would notice if it went wrong: lists that stop following the
 * log after the thread dies, or a server that does not stop.
 */
describe('the projector on a thread of the API process', () => {
  let app: TestApp;
  let curator: ApiClient;
  const thread = () => (app.nest.get(ProjectorThreadService) as unknown as { worker: Worker | null }).worker;
  const mentorNames = async (after: string) => {
    const r = await curator.get(`/api/banks/mentors?after=${after}`);
    expect(r.status).toBe(200);
    expect(r.body.stale).toBe(false);
    return r.body.items.map((i: { fullName: string }) => i.fullName);
  };

  /** A person entered, consenting and put in the mentor bank: the position of the last write. */
  const bankMentor = async (fullName: string): Promise<string> => {
    const person = await curator.post('/api/people', { fullName, position: 'Воспитатель', firstWorkingDay: '2020-09-01' });
    expect((await curator.post(`/api/people/${person.body.id}/consent`, { date: '2026-09-01', documentRef: `ПДн-${fullName}` })).status).toBe(201);
    const banked = await curator.post('/api/mentor-bank', { personId: person.body.id, competences: ['ФГОС ДО'] });
    expect(banked.status).toBe(201);
    return banked.body.position;
  };

  beforeAll(async () => {
    app = await startTestApp({ projectorThread: true });
    curator = await app.user(['curator']);
  });
  afterAll(() => app?.close());

  it('keeps the lists up to date with names decoded, and again after the thread dies', async () => {
    await bankMentor('Иванова Мария Петровна');
    const position = await bankMentor('Орлова Татьяна Викторовна');
    expect((await mentorNames(position)).sort()).toEqual(['Иванова Мария Петровна', 'Орлова Татьяна Викторовна']);

    const dying = thread()!;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    await dying.terminate();
    await exited;
    // Written while no thread runs: the next one starts from the checkpoints and catches up.
    expect(await mentorNames(await bankMentor('Зайцева Ксения Павловна'))).toContain('Зайцева Ксения Павловна');
    expect(thread()).not.toBe(dying);
  });

  it('ends the thread when the server stops', async () => {
    const running = thread()!;
    const exited = new Promise<number>((resolve) => running.once('exit', resolve));
    await app.close();
    await expect(exited).resolves.toBe(0);
    app = undefined as unknown as TestApp;
  });

  it('refuses to start, in Russian, with a log in memory the thread could not open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorship-thread-'));
    const store = new SqliteEventStore({ file: ':memory:', now: testClock.now });
    const nest = await createApp({ store, clock: testClock, projections: { mode: 'thread', file: join(dir, 'readmodels.sqlite') } }, false);
    try {
      await expect(nest.init()).rejects.toThrow('PROJECTIONS=thread: поток проекций открывает журнал и ключи заново');
    } finally {
      await nest.close().catch(() => undefined);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
