import type { ChainBreak, ChainReport } from './verification.result';

const where = (b: { streamId?: string; revision?: number }) =>
  b.streamId !== undefined ? ` (поток ${b.streamId}, версия ${b.revision})` : '';

/** The break in words an auditor can put in a report. */
export function breakMessage(b: ChainBreak, actualHead?: string): string {
  switch (b.kind) {
    case 'changed':
      return `Событие № ${b.ordinal} цепочки на позиции ${b.position}${where(b)} изменено: его сохранённое содержимое не совпадает с запечатанным.`;
    case 'deleted':
      return `Событие № ${b.ordinal} цепочки на позиции ${b.position}${where(b)} удалено из журнала: цепочка его называет, в журнале его нет.`;
    case 'inserted':
      return b.expected
        ? `На позиции ${b.position} в журнале событие${where(b)}, а цепочка называет там другое${where(b.expected)}: событие вставлено или переставлено.`
        : `На позиции ${b.position} в журнале событие${where(b)}, которого в цепочке нет (ожидалось событие № ${b.ordinal} цепочки): событие вставлено или переставлено.`;
    case 'head-mismatch':
      return actualHead !== undefined && b.ordinal > 0
        ? `Вершина цепочки после события № ${b.ordinal} (позиция ${b.position}) — ${actualHead}, а записана ${b.expected?.head}: журнал или цепочка пересчитаны после записи вершины.`
        : `Запись вершины цепочки на позиции ${b.position} не совпадает с цепочкой: записана ${b.expected?.head}.`;
    case 'chain-damaged':
      return `Запись цепочки на позиции ${b.position} повреждена: такой записи механизм запечатывания не делает.`;
    case 'truncated':
    case 'rolled-back':
    case 'recomputed':
      // Found against the witness: the message names the checkpoint it cosigned (witness.summary.ts).
      return b.message;
  }
}

/** «Цепочка цела до позиции N, вершина H» or the break. */
export function chainSummary(r: Omit<ChainReport, 'summary'>): string {
  const unsealed = r.unsealed > 0 ? ` Ещё не запечатано событий: ${r.unsealed}.` : '';
  if (r.break) return `Организация ${r.orgId}: цепочка нарушена. ${r.break.message} До нарушения проверено событий: ${r.checked}.`;
  if (r.checked === 0) return `Организация ${r.orgId}: запечатанных событий нет.${unsealed}`;
  return `Организация ${r.orgId}: цепочка цела до позиции ${r.position} (проверено событий: ${r.checked}), вершина ${r.head}.${unsealed}`;
}

export function overallSummary(chains: ChainReport[], firstBreak: (ChainBreak & { orgId: string }) | undefined): string {
  if (chains.length === 0) return 'Журнал пуст: проверять нечего.';
  if (chains.length === 1) return chains[0].summary;
  if (firstBreak) return `Нарушение: организация ${firstBreak.orgId}. ${firstBreak.message} Проверено цепочек: ${chains.length}.`;
  const checked = chains.reduce((n, c) => n + c.checked, 0);
  const unsealed = chains.reduce((n, c) => n + c.unsealed, 0);
  return `Все цепочки целы (организаций: ${chains.length}, проверено событий: ${checked}${unsealed ? `, ещё не запечатано: ${unsealed}` : ''}).`;
}
