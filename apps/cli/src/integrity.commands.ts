import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventStore } from '#libs/event-store';
import { ChainSealer, verifyChains, integrityOptionsOf, type HeadAnchor, verificationStatementHtml } from '#libs/audit';
import { organisationFromStore, organisationOptionsOf } from '#libs/organisation';
import { businessDateOf } from '#core/shared';
import { lastPosition, progressBar } from '#libs/projections';
import type { Clock, Config } from '#libs/kernel';
import type { CommandLine } from './command-line';

type Out = (line: string) => void;

/**
 * `verify [--org ID] [--head N:H] [--statement file.html]`: walks the whole stored log and checks every
 * organisation's hash chain (or one), with progress on stderr; exit code 1 when a chain is broken.
 * `--head` is the head an earlier statement printed after N events: a chain recomputed since fails it.
 */
export async function verifyCommand(stored: EventStore, clock: Clock, config: Config, f: CommandLine['flags'], out: Out): Promise<number> {
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
  const bar = progressBar(await lastPosition(stored), (s) => process.stderr.write(s), !!process.stderr.isTTY);
  let last = { position: { commit: 0n, prepare: 0n }, events: 0 };
  const result = await verifyChains(stored, { orgId: org || undefined, anchors, now: clock.now, onProgress: (p) => bar((last = p)) });
  bar(last, true);
  for (const c of result.chains) out(c.summary);
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

/** `seal`: the sealer as its own process (run the API with `AUDIT_SEALER=off`); stops on SIGTERM/SIGINT. */
export async function sealCommand(stored: EventStore, clock: Clock, config: Config, out: Out, err: Out): Promise<number> {
  const o = integrityOptionsOf(config);
  const sealer = new ChainSealer(stored, { now: clock.now, headEveryEvents: o.headEveryEvents, headEveryMs: o.headEveryMs, sealEveryMs: o.sealEveryMs, log: err });
  sealer.start();
  out('Журнал запечатывается в цепочки целостности; остановка — Ctrl+C (SIGTERM).');
  await new Promise<void>((done) => {
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
  });
  await sealer.stop();
  return 0;
}
