import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { RecordedEvent } from '#libs/event-store';
import { parsePeopleEvent, ERASED } from '#core/people';
import type { PersonalKeyStore } from './key-store.port';
import { openEvent, sealEvent } from './personal-data.codec';
import { SqliteKeyStore } from './sqlite-key-store';

/** Stored JSON exactly as an older and the current version wrote it: every upcaster is pinned by a fixture. */
const fixture = (name: string): RecordedEvent => {
  const stored = JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
  return { id: 'e1', streamId: `person-${stored.data.personId}`, revision: 0, position: { commit: 1n, prepare: 1n }, created: '2026-09-01T06:00:00.000Z', ...stored };
};

const keysWith = (key: Buffer | null | undefined): PersonalKeyStore => ({
  keyFor: async () => key ?? null, existingKey: async () => key, destroy: async () => undefined, close: async () => undefined,
});
const FIXTURE_KEY = Buffer.alloc(32, 7);

describe('stored person events (schema v1 plaintext, v2 encrypted)', () => {
  it('v2: the name is decrypted with the person\'s key into the domain event', async () => {
    const e = await openEvent(fixture('person-registered.v2.json'), keysWith(FIXTURE_KEY));
    expect(parsePeopleEvent(e)).toEqual({
      type: 'PersonRegistered',
      data: { personId: 'p-fixture', orgId: 'default', fullName: 'Кузнецова Дарья Олеговна', position: 'Воспитатель', firstWorkingDay: '2026-09-01' },
    });
    expect(e.data).not.toHaveProperty('personal');
  });

  it('v2: once the key is destroyed (or was never kept), the name reads as erased and the rest stays', async () => {
    for (const key of [null, undefined]) {
      const e = await openEvent(fixture('person-registered.v2.json'), keysWith(key));
      expect(parsePeopleEvent(e).data).toMatchObject({ fullName: ERASED, position: 'Воспитатель', firstWorkingDay: '2026-09-01' });
    }
  });

  it('v2: a wrong key or altered ciphertext is an error, never a wrong name', async () => {
    await expect(openEvent(fixture('person-registered.v2.json'), keysWith(Buffer.alloc(32, 8)))).rejects.toThrow();
    const tampered = fixture('person-registered.v2.json');
    (tampered.data as any).personal.ct = Buffer.from('x'.repeat(40)).toString('base64');
    await expect(openEvent(tampered, keysWith(FIXTURE_KEY))).rejects.toThrow();
  });

  it('v1: plaintext from before encryption reads as it was, and as erased once the person\'s key is destroyed', async () => {
    expect((await openEvent(fixture('person-registered.v1.json'), keysWith(undefined))).data).toMatchObject({ fullName: 'Смирнова Ольга Павловна' });
    expect((await openEvent(fixture('person-registered.v1.json'), keysWith(null))).data).toMatchObject({ fullName: ERASED });
  });

  it('seals a new event with a fresh key per person, and a round trip gives the domain event back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    try {
      const plain = fixture('person-registered.v1.json');
      const sealed = await sealEvent({ id: plain.id, type: plain.type, data: plain.data, metadata: plain.metadata }, keys);
      expect(sealed.metadata.schemaVersion).toBe(2);
      expect(JSON.stringify(sealed.data)).not.toContain('Смирнова');
      expect((await openEvent({ ...plain, data: sealed.data }, keys)).data).toEqual(plain.data);
      await keys.destroy('p-legacy', '2026-11-24T10:00:00Z');
      expect((await openEvent({ ...plain, data: sealed.data }, keys)).data).toMatchObject({ fullName: ERASED });
      await expect(sealEvent({ id: 'x', type: plain.type, data: plain.data, metadata: plain.metadata }, keys)).rejects.toThrow(/destroyed/);
      const reopened = new SqliteKeyStore(join(dir, 'keys.sqlite'));
      expect(await reopened.existingKey('p-legacy')).toBeNull();
      await reopened.close();
    } finally {
      await keys.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('erases only the fields an event had: an account without an e-mail does not get an erased one', async () => {
    const account = { id: 'u', type: 'UserCreated', data: { userId: 'u1', orgId: 'default', name: 'Кузнецова Д. О.', roles: ['mentee'], personId: 'p-9', tokenHash: 'h' }, metadata: fixture('person-registered.v1.json').metadata };
    const sealed = await sealEvent(account, keysWith(FIXTURE_KEY));
    const opened = await openEvent({ ...fixture('person-registered.v1.json'), type: 'UserCreated', data: sealed.data }, keysWith(null));
    expect(opened.data).toEqual({ userId: 'u1', orgId: 'default', name: ERASED, roles: ['mentee'], personId: 'p-9', tokenHash: 'h' });
    const noPerson = await sealEvent({ ...account, data: { ...account.data, personId: undefined } }, keysWith(FIXTURE_KEY));
    expect(noPerson.data).toMatchObject({ name: 'Кузнецова Д. О.' });
  });

  it('leaves events without personal fields untouched', async () => {
    const e = { ...fixture('person-registered.v1.json'), type: 'ConsentRecorded' };
    expect(await openEvent(e, keysWith(null))).toBe(e);
  });
});
