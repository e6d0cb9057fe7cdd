import type { ChainBreak, ChainReport } from './verification.result';

/** Where in the log, for whoever looks into it: the record's mark, kept in brackets after the plain words. */
const mark = (b: { position: string }) => ` (запись журнала ${b.position})`;

/** The break in words an auditor can put in a report. */
export function breakMessage(b: ChainBreak, actualHead?: string): string {
  switch (b.kind) {
    case 'changed':
      return `Событие № ${b.ordinal} изменено после записи: его содержимое не совпадает с тем, что было включено в цепочку${mark(b)}.`;
    case 'deleted':
      return `Событие № ${b.ordinal} удалено из журнала: цепочка его помнит, а в журнале его нет${mark(b)}.`;
    case 'inserted':
      return b.expected
        ? `На месте события № ${b.ordinal} в журнале стоит другое событие: событие вставлено или переставлено${mark(b)}.`
        : `В журнале есть событие, которого нет в цепочке (на месте события № ${b.ordinal}): событие вставлено или переставлено${mark(b)}.`;
    case 'head-mismatch':
      return actualHead !== undefined && b.ordinal > 0
        ? `Контрольная сумма после события № ${b.ordinal} — ${actualHead}, а записана ${b.expected?.head}: журнал или цепочка пересчитаны после того, как сумму записали${mark(b)}.`
        : `Записанная контрольная сумма не совпадает с цепочкой: записана ${b.expected?.head}${mark(b)}.`;
    case 'chain-damaged':
      return `Запись цепочки повреждена: такой записи программа не делает${mark(b)}.`;
    case 'truncated':
    case 'rolled-back':
    case 'recomputed':
      // Found against the witness: the message names the checkpoint it cosigned (witness.summary.ts).
      return b.message;
  }
}

/** «Журнал цел: проверено событий N, контрольная сумма H» or the break. */
export function chainSummary(r: Omit<ChainReport, 'summary'>): string {
  const unsealed = r.unsealed > 0 ? ` Ещё не включено в цепочку (записаны только что): ${r.unsealed}.` : '';
  if (r.break) return `Организация ${r.orgId}: целостность журнала нарушена. ${r.break.message} До нарушения проверено событий: ${r.checked}.`;
  if (r.checked === 0) return `Организация ${r.orgId}: событий для проверки ещё нет.${unsealed}`;
  return `Организация ${r.orgId}: журнал цел, проверено событий: ${r.checked}; контрольная сумма после последнего из них: ${r.head}.${unsealed}`;
}

export function overallSummary(chains: ChainReport[], firstBreak: (ChainBreak & { orgId: string }) | undefined): string {
  if (chains.length === 0) return 'Журнал пуст: проверять нечего.';
  if (chains.length === 1) return chains[0].summary;
  if (firstBreak) return `Нарушение: организация ${firstBreak.orgId}. ${firstBreak.message} Проверено организаций: ${chains.length}.`;
  const checked = chains.reduce((n, c) => n + c.checked, 0);
  const unsealed = chains.reduce((n, c) => n + c.unsealed, 0);
  return `Журналы всех организаций целы (организаций: ${chains.length}, проверено событий: ${checked}${unsealed ? `, ещё не включено в цепочку: ${unsealed}` : ''}).`;
}
