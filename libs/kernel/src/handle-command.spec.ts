import { SqliteEventStore, type EventStore } from '#libs/event-store';
import { DomainError } from '#core/shared';
import { clockStartingAt } from './clock';
import type { CommandContext } from './command-context';
import { envelope } from './envelope';
import { handleCommand, readCommandStream, type Decision, type StreamCommand } from './handle-command';

const clock = clockStartingAt(new Date('2026-11-24T09:00:00+03:00'));
const ctx = (commandId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { userId: 'u1', orgId: 'org-1', roles: ['curator'] }, commandId, correlationId: commandId, requestHash: `hash-${commandId}`, idempotent: true, ...extra,
});
const counter = (store: EventStore, stream: string) => readCommandStream(store, stream, (events) => events.length);
/** Someone else's write to `stream`. */
const theirs = (store: EventStore, stream: string, type = 'Noted') =>
  store.append(stream, envelope(stream, [{ type, data: { note: 'theirs' } }], ctx(`other-${stream}`), clock.now(), 'curator'), 'any');
const note = (n: string): Decision => ({ events: [{ type: 'Noted', data: { note: n } }], role: 'curator' });

/** A command on `stream` that notes `n`; `decided` counts how often it was decided. */
function noting(store: EventStore, stream: string, c: CommandContext, n: string, extra: Partial<StreamCommand<number>> = {}) {
  const calls = { decided: 0 };
  const command: StreamCommand<number> = {
    stream, ctx: c, onConflict: 'refuse', load: () => counter(store, stream),
    decide: () => (calls.decided++, note(n)), ...extra,
  };
  return { run: () => handleCommand(store, clock, command), calls };
}

const codeOf = async (p: Promise<unknown>) => p.then(() => 'no refusal', (e) => (e instanceof DomainError ? e.code : String(e)));

describe('handleCommand: the one command path of every stream', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ file: ':memory:', now: clock.now })));
  afterEach(() => store.close());

  it('given a new stream, when a command is decided, then its events are appended with ids and metadata from the command', async () => {
    const out = await noting(store, 'note-1', ctx('c1'), 'a').run();
    expect(out).toMatchObject({ revision: 0, replayed: false, position: expect.anything() });
    const [e] = await store.readStream('note-1');
    expect(e).toMatchObject({ type: 'Noted', data: { note: 'a' }, metadata: { commandId: 'c1', requestHash: 'hash-c1', role: 'curator', orgId: 'org-1' } });
  });

  it('given the command was applied, when it is retried with the same request, then it answers as the first time and writes nothing', async () => {
    await noting(store, 'note-1', ctx('c1'), 'a').run();
    const retry = noting(store, 'note-1', ctx('c1'), 'a');
    expect(await retry.run()).toEqual({ revision: 0, replayed: true });
    expect(retry.calls.decided).toBe(0);
    expect(await store.readStream('note-1')).toHaveLength(1);
  });

  it('given the command was applied, when its key comes with another request, then it is refused', async () => {
    await noting(store, 'note-1', ctx('c1'), 'a').run();
    expect(await codeOf(noting(store, 'note-1', ctx('c1', { requestHash: 'other' }), 'b').run())).toBe('idempotency-key-reused');
  });

  it('given If-Match names an older revision, when the command runs, then 412 stale-revision and nothing is written', async () => {
    await noting(store, 'note-1', ctx('c1'), 'a').run();
    const stale = noting(store, 'note-1', ctx('c2', { expectedRevision: -1 }), 'b');
    expect(await codeOf(stale.run())).toBe('stale-revision');
    expect(stale.calls.decided).toBe(0);
    expect(await store.readStream('note-1')).toHaveLength(1);
  });

  it('given another writer between load and append, when the stream refuses races, then 409 concurrent-change; when it decides again, then it succeeds on the fresh stream', async () => {
    const racing = (policy: 'refuse' | 'decide-again', id: string) => {
      let raced = false;
      return noting(store, `note-${policy}`, ctx(id), 'mine', {
        onConflict: policy,
        decide: async () => {
          if (!raced) {
            raced = true;
            await theirs(store, `note-${policy}`);
          }
          return note('mine');
        },
      });
    };
    expect(await codeOf(racing('refuse', 'r1').run())).toBe('concurrent-change');
    expect((await store.readStream('note-refuse')).map((e) => (e.data as { note: string }).note)).toEqual(['theirs']);
    expect(await racing('decide-again', 'r2').run()).toMatchObject({ revision: 1, replayed: false });
    expect((await store.readStream('note-decide-again')).map((e) => (e.data as { note: string }).note)).toEqual(['theirs', 'mine']);
  });

  it('given a reservation in a shared stream taken meanwhile, when the command writes it first, then it is decided again with the new revision', async () => {
    let attempt = 0;
    const out = await handleCommand(store, clock, {
      stream: 'note-1', ctx: ctx('c1'), onConflict: 'refuse', load: () => counter(store, 'note-1'),
      decide: async () => {
        attempt++;
        const shared = await counter(store, 'shared-1');
        if (attempt === 1) await theirs(store, 'shared-1', 'Reserved');
        return { ...note('a'), before: [{ stream: 'shared-1', events: [{ type: 'Reserved', data: {} }], expected: shared.revision < 0 ? 'no_stream' : shared.revision }] };
      },
    });
    expect(attempt).toBe(2);
    expect(out.revision).toBe(0);
    expect(await store.readStream('shared-1')).toHaveLength(2);
  });

  it('given a refusal by the decision, then nothing is written anywhere', async () => {
    const refused = handleCommand(store, clock, {
      stream: 'note-1', ctx: ctx('c1'), onConflict: 'refuse', load: () => counter(store, 'note-1'),
      decide: () => {
        throw new DomainError({ kind: 'rule', code: 'no', message: 'Нельзя.' });
      },
    });
    expect(await codeOf(refused)).toBe('no');
    expect(await store.readAll()).toEqual([]);
  });

  it('keeps a store failure as it is (not a conflict)', async () => {
    const failing: EventStore = Object.create(store, { append: { value: () => Promise.reject(new Error('disk')) } });
    await expect(handleCommand(failing, clock, { stream: 's', ctx: ctx('c1'), onConflict: 'decide-again', load: () => counter(store, 's'), decide: () => note('a') })).rejects.toThrow('disk');
  });
});
