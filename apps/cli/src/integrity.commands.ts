import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventStore } from '#libs/event-store';
import {
  ChainSealer, CheckpointSigner, DEFAULT_ORIGIN_BASE, SigningKeys, Witnessing, instantInWords, integrityOptionsOf, keyView, signingKeysDirOf, verificationStatementHtml, verifyChains,
  type HeadAnchor, type WitnessInput,
} from '#libs/audit';
import { organisationFromStore, organisationOptionsOf } from '#libs/organisation';
import { businessDateOf } from '#core/shared';
import { lastPosition, progressBar } from '#libs/projections';
import type { Clock, Config } from '#libs/kernel';
import { openWitness, startWitnessServer } from '#libs/witness';
import type { CommandLine } from './command-line';

type Out = (line: string) => void;

/** The organisation's side of witnessing for a CLI process: its keys beside the personal-data key store, the witness if configured. */
export const witnessingOf = (stored: EventStore, personalKeys: unknown, clock: Clock, config: Config, err?: Out): Witnessing => {
  const o = integrityOptionsOf(config);
  return new Witnessing(stored, { ...o, keysDir: signingKeysDirOf(o, personalKeys) }, clock.now, err);
};

/**
 * `verify [--org ID] [--head N:H] [--statement file.html]`: walks the whole stored log and checks every
 * organisation's hash chain (or one), with progress on stderr; exit code 1 when a chain is broken.
 * `--head` is the head an earlier statement printed after N events: a chain recomputed since fails it.
 * With `--org` and a witness configured, the log is also checked against every checkpoint the witness
 * cosigned (and `--statement` first sends it a checkpoint of the log as it stands).
 */
export async function verifyCommand(stored: EventStore, personalKeys: unknown, clock: Clock, config: Config, f: CommandLine['flags'], out: Out, err?: Out): Promise<number> {
  const { org, head, statement } = f;
  let anchors: HeadAnchor[] = [];
  if (head !== undefined) {
    const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(head);
    if (!m || !org) {
      out('--head N:H — число событий и контрольная сумма (64 шестнадцатеричных знака) из прежнего акта, вместе с --org.');
      return 2;
    }
    anchors = [{ count: Number(m[1]), head: m[2].toLowerCase() }];
  }
  if (statement !== undefined && !org) {
    out('Акт составляется по одной организации: укажите --org.');
    return 2;
  }
  let witness: WitnessInput | undefined;
  if (org) {
    const witnessing = witnessingOf(stored, personalKeys, clock, config, err);
    if (statement) await witnessing.publisher?.checkpointNow(org).catch(() => undefined);
    witness = await witnessing.witnessInput(org);
  }
  const bar = progressBar(await lastPosition(stored), (s) => process.stderr.write(s), !!process.stderr.isTTY);
  let last = { position: { commit: 0n, prepare: 0n }, events: 0 };
  const result = await verifyChains(stored, { orgId: org || undefined, anchors, witness, timeZone: config.TIME_ZONE, now: clock.now, onProgress: (p) => bar((last = p)) });
  bar(last, true);
  for (const c of result.chains) out(c.summary);
  for (const c of result.chains) if (c.witness?.status === 'off') out(c.witness.summary);
  if (result.chains.length !== 1) out(result.summary);
  out(`Прочитано событий журнала: ${result.logEvents.toLocaleString('ru-RU')} за ${(result.durationMs / 1000).toFixed(1)} с.`);
  if (statement && org) {
    const file = resolve(statement);
    const organisation = await organisationFromStore(stored, org, businessDateOf(clock.now(), config.TIME_ZONE), organisationOptionsOf(config));
    const html = verificationStatementHtml(result, { orgId: org, organisation, timeZone: config.TIME_ZONE, checkedBy: 'оператор сервера (командная строка)', anchors });
    try {
      writeFileSync(file, html, { flag: 'wx' });
    } catch (error) {
      out(`Акт не сохранён: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? `файл ${file} уже есть` : (error as Error).message}.`);
      return 2;
    }
    out(`Акт проверки сохранён: ${file}`);
  }
  return result.intact ? 0 : 1;
}

/** `seal`: the sealer as its own process (run the API with `AUDIT_SEALER=off`), signing and sending checkpoints as the API would; stops on SIGTERM/SIGINT. */
export async function sealCommand(stored: EventStore, personalKeys: unknown, clock: Clock, config: Config, out: Out, err: Out): Promise<number> {
  const o = integrityOptionsOf(config);
  const witnessing = witnessingOf(stored, personalKeys, clock, config, err);
  const sealer = new ChainSealer(stored, {
    now: clock.now, headEveryEvents: o.headEveryEvents, headEveryMs: o.headEveryMs, sealEveryMs: o.sealEveryMs, log: err,
    signer: witnessing.signer, onHeadsRecorded: witnessing.onHeadsRecorded,
  });
  sealer.start();
  out('Журнал запечатывается в цепочки целостности; остановка — Ctrl+C (SIGTERM).');
  await new Promise<void>((done) => {
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
  });
  // As the API at a clean shutdown: what the log holds is sealed, heads (with their checkpoints) recorded and sent to the witness.
  await sealer.stop(true);
  await witnessing.settled();
  return 0;
}

/** The organisation's checkpoint signer as the API has it (AUDIT_SIGNING_KEYS_DIR, or beside the personal-data key store). */
const signerOf = (personalKeys: unknown, clock: Clock, config: Config): CheckpointSigner => {
  const o = integrityOptionsOf(config);
  return new CheckpointSigner(new SigningKeys(signingKeysDirOf(o, personalKeys), clock.now), o.originBase ?? DEFAULT_ORIGIN_BASE);
};

const keyLines = (keys: ReturnType<typeof keyView>[], timeZone: string) =>
  keys.map((k) => `${k.retiredAt ? `выведен ${instantInWords(k.retiredAt, timeZone)}` : 'подписывает'}  ${k.keyId}  создан ${instantInWords(k.createdAt, timeZone)}\n  ключ проверки: ${k.vkey}\n  отпечаток:     ${k.fingerprint}`);

/** `signing-key --org ID`: the organisation's checkpoint keys (the first made now); the verifier keys go to the witness's list of logs. */
export function signingKeyCommand(personalKeys: unknown, clock: Clock, config: Config, f: CommandLine['flags'], out: Out): number {
  if (!f.org) return needOrg(out);
  const signer = signerOf(personalKeys, clock, config);
  signer.keys.signersFor(f.org, signer.origin(f.org));
  out(`Журнал организации ${f.org}: ${signer.origin(f.org)}`);
  for (const line of keyLines(signer.keys.keysOf(f.org).map(keyView), config.TIME_ZONE)) out(line);
  out('Ключ проверки каждого подписывающего ключа внесите в список журналов свидетеля (WITNESS_LOGS_FILE), по одному в строке.');
  return 0;
}

/** `rotate-signing-key --org ID`: a new key beside the old; both sign until the old one is retired. */
export function rotateSigningKeyCommand(personalKeys: unknown, clock: Clock, config: Config, f: CommandLine['flags'], out: Out): number {
  if (!f.org) return needOrg(out);
  const signer = signerOf(personalKeys, clock, config);
  signer.keys.signersFor(f.org, signer.origin(f.org));
  const added = keyView(signer.keys.rotate(f.org, signer.origin(f.org)));
  out(`Добавлен ключ ${added.keyId}; контрольные суммы подписываются им и прежними, пока те не выведены.`);
  out(`  ключ проверки: ${added.vkey}\n  отпечаток:     ${added.fingerprint}`);
  out(`Внесите ключ проверки в список журналов свидетеля, затем выведите прежний: npm run cli -- retire-signing-key --org ${f.org} --key <ID>.`);
  return 0;
}

/** `retire-signing-key --org ID --key KEYID`: the key no longer signs; what it signed still verifies. */
export function retireSigningKeyCommand(personalKeys: unknown, clock: Clock, config: Config, f: CommandLine['flags'], out: Out): number {
  if (!f.org || !f.key) {
    out('Укажите организацию и ключ: --org ID --key ID_КЛЮЧА (8 шестнадцатеричных знаков, см. signing-key).');
    return 2;
  }
  const signer = signerOf(personalKeys, clock, config);
  try {
    const retired = signer.keys.retire(f.org, f.key);
    out(`Ключ ${retired.keyId} выведен ${instantInWords(retired.retiredAt, config.TIME_ZONE)}: им больше не подписывают; прежние подписи им проверяются.`);
    return 0;
  } catch (error) {
    out((error as Error).message);
    return 1;
  }
}

function needOrg(out: Out): number {
  out('Укажите организацию: --org ID.');
  return 2;
}

/**
 * `witness`: the witness as its own process (the municipality's side): cosigns the checkpoints of the
 * logs listed in WITNESS_LOGS_FILE, keeps them in WITNESS_DIR; stops on SIGTERM/SIGINT.
 */
export async function witnessCommand(config: Config, clock: Clock, out: Out, err: Out): Promise<number> {
  const { witness, logs, logsFile } = openWitness({ dir: config.WITNESS_DIR, name: config.WITNESS_NAME, logsFile: config.WITNESS_LOGS_FILE, now: clock.now, log: err });
  const server = await startWitnessServer(witness, { host: config.WITNESS_HOST, port: config.WITNESS_PORT });
  out(`Свидетель ${witness.name} слушает ${server.url}; журналы — ${logsFile}, записи — ${config.WITNESS_DIR}.`);
  out(`Ключ проверки свидетеля (AUDIT_WITNESS_KEY организаций): ${witness.vkey}`);
  out(`Отпечаток ключа: ${witness.fingerprint}`);
  for (const p of logs.check()) err(`Список журналов: ${p}`);
  await new Promise<void>((done) => {
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
  });
  await server.close();
  return 0;
}
