import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointText, leafHash, signNote, verifyNote } from '#libs/transparency';
import { SigningKeys, keyView } from './signing-keys';

const now = () => new Date('2026-11-24T06:00:00Z');
const ORIGIN = 'ds6.example/journal/default';

describe('the organisations’ checkpoint signing keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'signing-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the first key on first use, in a file only its owner reads; another process uses that key, not one of its own', () => {
    const one = new SigningKeys(dir, now);
    const two = new SigningKeys(dir, now);
    const [a] = one.signersFor('default', ORIGIN);
    const [b] = two.signersFor('default', ORIGIN);
    expect(b.keyId).toBe(a.keyId);
    expect(one.keysOf('default')).toHaveLength(1);
    expect(statSync(join(dir, 'default.json')).mode & 0o777).toBe(0o600);
    expect(keyView(one.keysOf('default')[0])).toMatchObject({ name: ORIGIN, keyId: a.keyId, vkey: a.vkey, fingerprint: a.fingerprint });
    expect(JSON.stringify(keyView(one.keysOf('default')[0]))).not.toContain(one.keysOf('default')[0].privateKey);
  });

  it('rotation: a new key signs beside the old until the old is retired; the retired key still verifies what it signed; the last key cannot be retired', () => {
    const keys = new SigningKeys(dir, now);
    const [old] = keys.signersFor('default', ORIGIN);
    const text = checkpointText({ origin: ORIGIN, size: 1, root: leafHash(Buffer.from('x')) });
    const before = signNote(text, keys.signersFor('default', ORIGIN));
    const added = keys.rotate('default', ORIGIN);
    // Another process (the API) sees the rotation made by the CLI.
    const api = new SigningKeys(dir, now);
    expect(api.signersFor('default', ORIGIN).map((s) => s.keyId)).toEqual([old.keyId, added.keyId]);
    keys.retire('default', old.keyId);
    expect(new SigningKeys(dir, now).signersFor('default', ORIGIN).map((s) => s.keyId)).toEqual([added.keyId]);
    expect(verifyNote(before, keys.verifiersFor('default')).verified.map((v) => v.verifier.keyId)).toEqual([old.keyId]);
    expect(() => keys.retire('default', added.keyId)).toThrow('последний');
    expect(() => keys.retire('default', 'ffffffff')).toThrow('нет ключа');
  });
});
