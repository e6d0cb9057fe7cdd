import { checkpointText, parseCheckpoint } from './checkpoint';
import { Cosigner, cosignatureVerifier } from './cosignature';
import { leafHash } from './merkle';
import {
  NoteError, NoteSigner, SIGNATURE_ED25519, ed25519Verifier, fingerprintOf, newEd25519Key, parseNote, parseVkey, signNote, verifyNote, withSignatureLines,
} from './note';
import { addCheckpointBody, consistencyProofText, inclusionProofText, parseAddCheckpoint, parseConsistencyProof, parseInclusionProof } from './proof-text';

describe('signed notes (c2sp.org/signed-note)', () => {
  it("verifies the specification's own example with its verifier key", () => {
    const key = parseVkey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    expect(key).toMatchObject({ name: 'example.com/foo', keyId: '530d903a', type: SIGNATURE_ED25519 });
    const note = 'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    const verifier = ed25519Verifier(key.name, key.publicKey);
    expect(verifyNote(note, [verifier]).text).toBe('This is an example message.\n');
    expect(() => verifyNote(note.replace('example message', 'exemplary message'), [verifier])).toThrow(NoteError);
  });

  it('signs with several keys; unknown keys are ignored, a known key that fails rejects the note, none known rejects it', () => {
    const a = new NoteSigner('mentorship.local/journal/default', newEd25519Key().privateKey);
    const b = new NoteSigner('mentorship.local/journal/default', newEd25519Key().privateKey);
    const note = signNote('Текст\n', [a, b]);
    expect(parseNote(note).signatures).toHaveLength(2);
    expect(verifyNote(note, [ed25519Verifier(a.name, a.publicKey)]).verified.map((v) => v.verifier.keyId)).toEqual([a.keyId]);
    expect(verifyNote(note, [ed25519Verifier(b.name, b.publicKey), ed25519Verifier(a.name, a.publicKey)]).verified).toHaveLength(2);
    const other = new NoteSigner('other.example/log', newEd25519Key().privateKey);
    expect(() => verifyNote(note, [ed25519Verifier(other.name, other.publicKey)])).toThrow('no signature of a known key');
    const forged = note.replace(a.signatureLine('Текст\n'), a.signatureLine('Другой\n'));
    expect(() => verifyNote(forged, [ed25519Verifier(a.name, a.publicKey)])).toThrow('does not verify');
    expect(parseVkey(a.vkey)).toMatchObject({ name: a.name, keyId: a.keyId });
    expect(fingerprintOf(SIGNATURE_ED25519, a.publicKey)).toMatch(/^(\d{5} ){7}\d{5}$/);
    expect(() => parseVkey(a.vkey.replace(a.keyId, '00000000'))).toThrow(NoteError);
  });

  it('refuses malformed notes: no blank line, a control character, a key name with a space', () => {
    expect(() => parseNote('text\n\u2014 x AAAA\n')).toThrow(NoteError);
    expect(() => signNote('a\tb\n', [new NoteSigner('x', newEd25519Key().privateKey)])).toThrow(NoteError);
    expect(() => new NoteSigner('two words', newEd25519Key().privateKey)).toThrow(NoteError);
  });
});

describe('checkpoints and cosignatures (c2sp.org/tlog-checkpoint, tlog-cosignature)', () => {
  const root = leafHash(Buffer.from('x'));

  it('writes origin, size, base64 root and the time line, and reads them back', () => {
    const text = checkpointText({ origin: 'mentorship.local/journal/default', size: 42, root, time: '2026-11-24T06:00:05.123Z' });
    expect(text).toBe(`mentorship.local/journal/default\n42\n${root.toString('base64')}\ntime 2026-11-24T06:00:05.123Z\n`);
    expect(parseCheckpoint(text)).toEqual({ origin: 'mentorship.local/journal/default', size: 42, root, time: '2026-11-24T06:00:05.123Z', extensions: [] });
    expect(() => parseCheckpoint('o\n042\nAAAA\n')).toThrow(NoteError);
  });

  it('a witness cosignature covers the checkpoint text with its timestamp; the reference timestamp reads as 1727964367', () => {
    const witness = new Cosigner('witness.example/w1', newEd25519Key().privateKey);
    const log = new NoteSigner('example.com/log', newEd25519Key().privateKey);
    const text = checkpointText({ origin: 'example.com/log', size: 3, root });
    const note = withSignatureLines(signNote(text, [log]), [witness.cosign(text, 1_764_000_000)]);
    const v = cosignatureVerifier(witness.name, witness.publicKey);
    const { verified } = verifyNote(note, [v]);
    expect(v.timestampOf(verified[0].signature.signature)).toBe(1_764_000_000);
    expect(verifyNote(note, [ed25519Verifier(log.name, log.publicKey), v]).verified).toHaveLength(2);
    // The same key as a plain Ed25519 key is another key ID: it does not open a cosignature.
    expect(() => verifyNote(note, [ed25519Verifier(witness.name, witness.publicKey)])).toThrow('no signature of a known key');
    const reference = Buffer.from('ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==', 'base64');
    expect(v.timestampOf(reference.subarray(4))).toBe(1727964367);
  });

  it('proof files and the witness request read back what was written', () => {
    const note = signNote(checkpointText({ origin: 'o.example/l', size: 5, root }), [new NoteSigner('o.example/l', newEd25519Key().privateKey)]);
    const later = signNote(checkpointText({ origin: 'o.example/l', size: 9, root }), [new NoteSigner('o.example/l', newEd25519Key().privateKey)]);
    const path = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
    expect(parseInclusionProof(inclusionProofText({ extra: Buffer.from('extra'), index: 3, path, note }))).toEqual({ extra: Buffer.from('extra'), index: 3, path, note });
    expect(parseInclusionProof(inclusionProofText({ index: 0, path: [], note }))).toEqual({ extra: undefined, index: 0, path: [], note });
    expect(parseConsistencyProof(consistencyProofText({ oldSize: 5, proof: path, oldNote: note, newNote: later }))).toEqual({ oldSize: 5, proof: path, oldNote: note, newNote: later });
    expect(parseAddCheckpoint(addCheckpointBody(0, [], note))).toEqual({ oldSize: 0, proof: [], note });
    expect(parseAddCheckpoint(addCheckpointBody(5, path, later))).toEqual({ oldSize: 5, proof: path, note: later });
  });
});
