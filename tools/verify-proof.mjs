#!/usr/bin/env node
// Checks a proof downloaded from the audit page without the app: only node:crypto and node:fs.
//   node tools/verify-proof.mjs <file> --key <organisation's verifier key> [--key …] [--witness <witness's verifier key>]
// An inclusion proof (c2sp.org/tlog-proof@v1): the event in it is entry <index> of the organisation's log
// as of the signed checkpoint. A consistency proof (mentorship-engine/tlog-consistency@v1): the newer
// checkpoint's log extends the older one. Formats: docs/transparency-formats.md. Exit code 0: holds; 1: does not; 2: usage.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();
const leafHash = (entry) => sha256([0], entry);
const nodeHash = (l, r) => sha256([1], l, r);
/** `2026-11-24T06:00:05Z` → `24.11.2026 06:00:05 (всемирное время)`: dates as people here read them. */
const ruTime = (iso) => {
  const d = new Date(iso);
  const m = Number.isNaN(d.getTime()) ? null : /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(d.toISOString());
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]} (всемирное время)` : String(iso);
};
const fail = (message) => {
  console.log(`НЕ ПОДТВЕРЖДЕНО: ${message}`);
  process.exit(1);
};

// Verifier keys and signed notes (c2sp.org/signed-note, tlog-cosignature).
function parseVkey(vkey) {
  const [, name, id, b64] = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(vkey) ?? [];
  const material = Buffer.from(b64 ?? '', 'base64');
  if (!name || material.length !== 33) throw new Error(`не ключ проверки: ${vkey}`);
  const publicKey = material.subarray(1);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
  if (sha256(`${name}\n`, [material[0]], publicKey).subarray(0, 4).toString('hex') !== id) throw new Error(`ключ проверки не сходится со своим ID: ${vkey}`);
  const digest = sha256([material[0]], publicKey);
  const fingerprint = Array.from({ length: 8 }, (_, i) => String(digest.readUInt32BE(4 * i) % 100000).padStart(5, '0')).join(' ');
  return { name, id, type: material[0], key, fingerprint };
}

/** The verified signatures of the known keys; a known key whose signature fails rejects the note. */
function verifyNote(note, keys) {
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const verified = [];
  for (const line of note.slice(split + 2).split('\n').filter(Boolean)) {
    const [, name, b64] = /^\u2014 (\S+) (\S+)$/.exec(line) ?? [];
    const sig = Buffer.from(b64 ?? '', 'base64');
    const k = keys.find((x) => x.name === name && x.id === sig.subarray(0, 4).toString('hex'));
    if (!k) continue;
    let ok;
    let time;
    if (k.type === 0x04) {
      time = Number(sig.readBigUInt64BE(4));
      ok = verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${text}`), k.key, sig.subarray(12));
    } else ok = verify(null, Buffer.from(text), k.key, sig.subarray(4));
    if (!ok) fail(`подпись ключа ${name} (${k.id}) не сходится с текстом`);
    verified.push({ key: k, time });
  }
  const [origin, size, root, ...ext] = text.slice(0, -1).split('\n');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64'), time: ext.find((l) => l.startsWith('time '))?.slice(5), verified };
}

function checkSignatures(label, note, logKeys, witnessKeys) {
  const c = verifyNote(note, [...logKeys, ...witnessKeys]);
  const byLog = c.verified.filter((v) => logKeys.includes(v.key));
  const byWitness = c.verified.filter((v) => witnessKeys.includes(v.key));
  if (byLog.length === 0) fail(`${label}: нет подписи организации ни одним из данных ключей`);
  if (witnessKeys.length > 0 && byWitness.length === 0) fail(`${label}: нет подписи свидетеля`);
  console.log(`${label}: журнал ${c.origin}, событий ${c.size}, контрольная сумма (SHA-256) ${c.root.toString('hex')}${c.time ? `, подписана ${ruTime(c.time)}` : ''}`);
  for (const v of byLog) console.log(`  подпись организации сходится, отпечаток ключа ${v.key.fingerprint}`);
  for (const v of byWitness) console.log(`  подпись свидетеля ${v.key.name} сходится (${ruTime(v.time * 1000)}), отпечаток ключа ${v.key.fingerprint}`);
  if (witnessKeys.length === 0) console.log('  подпись свидетеля не проверялась: ключ свидетеля не дан (--witness)');
  return c;
}

// RFC 9162 §2.1.3.2 and §2.1.4.2 (RFC 6962 trees).
function rootFromInclusion(index, size, leaf, path) {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else r = nodeHash(r, p);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

function consistent(size1, size2, proof, root1, root2) {
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0 || size1 > size2 || proof.length === 0) return size1 === 0 && proof.length === 0;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const values = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
if (!file || values('--key').length === 0) {
  console.log('Использование: node tools/verify-proof.mjs <файл доказательства> --key <ключ проверки организации> [--witness <ключ проверки свидетеля>]');
  process.exit(2);
}
let logKeys;
let witnessKeys;
try {
  logKeys = values('--key').map(parseVkey);
  witnessKeys = values('--witness').map(parseVkey);
} catch (error) {
  console.log(error.message);
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const [head, ...rest] = text.split('\n\n');
const lines = head.split('\n');
const hashes = (ls) => ls.map((l) => Buffer.from(l, 'base64'));

if (lines[0] === 'c2sp.org/tlog-proof@v1') {
  const extra = lines[1].startsWith('extra ') ? Buffer.from(lines[1].slice(6), 'base64') : null;
  const at = extra ? 2 : 1;
  const index = Number(/^index (\d+)$/.exec(lines[at])?.[1]);
  const c = checkSignatures('Контрольная сумма журнала', rest.join('\n\n'), logKeys, witnessKeys);
  if (!extra) fail('в доказательстве нет события (строки extra)');
  // The entry is the event's chain hash: SHA-256 of the previous chain hash (hex), a newline and the event's canonical text.
  const entry = sha256(extra);
  const root = rootFromInclusion(index, c.size, leafHash(entry), hashes(lines.slice(at + 1)));
  if (!root || !root.equals(c.root)) fail(`событие № ${index + 1} не входит в журнал с этой контрольной суммой`);
  const [, stream, revision, id, type, created] = extra.toString('utf8').split('\n');
  console.log(`ПОДТВЕРЖДЕНО: событие № ${index + 1} из ${c.size} — поток ${JSON.parse(stream)}, версия ${revision}, ${JSON.parse(type)}, записано ${ruTime(JSON.parse(created))}, идентификатор ${JSON.parse(id)} — входит в журнал с этой контрольной суммой.`);
} else if (lines[0] === 'mentorship-engine/tlog-consistency@v1') {
  const oldSize = Number(/^old (\d+)$/.exec(lines[1])?.[1]);
  if (rest.length !== 4) fail('в файле не две подписанные контрольные суммы');
  const older = checkSignatures('Прежняя контрольная сумма', `${rest[0]}\n\n${rest[1]}\n`, logKeys, witnessKeys);
  const newer = checkSignatures('Новая контрольная сумма', `${rest[2]}\n\n${rest[3]}`, logKeys, witnessKeys);
  if (older.origin !== newer.origin || older.size !== oldSize) fail('контрольные суммы не одного журнала или не того размера');
  if (!consistent(older.size, newer.size, hashes(lines.slice(2)), older.root, newer.root)) fail(`журнал из ${newer.size} событий не продолжает журнал из ${older.size}`);
  console.log(`ПОДТВЕРЖДЕНО: журнал из ${newer.size} событий продолжает журнал из ${older.size} событий: прежние события не изменены, не удалены и не переставлены.`);
} else {
  console.log(`Неизвестный формат: ${lines[0]}`);
  process.exit(2);
}
