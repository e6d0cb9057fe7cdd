import type { Contradiction } from './tree-walk';
import type { WitnessReport } from './verification.result';
import type { WitnessedCheckpoint } from './witnessed';

/** `2026-11-24T06:00:05.123Z` → `24.11.2026 06:00:05 UTC` (the summary knows no time zone; the statement prints the organisation's). */
export function utcTime(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]} UTC` : '—';
}

/** «1 событие», «3 события», «25 событий». */
export const events = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'событие' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'события' : 'событий'}`;
/** «из 1 события», «из 25 событий». */
export const ofEvents = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'события' : 'событий'}`;

const agreesWith = (w: WitnessedCheckpoint | undefined) =>
  w ? ` С контрольной суммой, заверенной ${utcTime(w.cosignedAt)} (${events(w.size)}), журнал совпадает.` : '';

/** The contradiction in words an auditor can put in a report, naming the witnessed checkpoint it contradicts. */
export function contradictionMessage(c: Contradiction, witness: string): string {
  const w = c.checkpoint;
  const witnessed = `контрольную сумму журнала из ${ofEvents(w.size)}, которую свидетель ${witness} заверил ${utcTime(w.cosignedAt)}`;
  switch (c.kind) {
    case 'truncated':
      return `В журнале организации ${events(c.logSize)}, а свидетель ${witness} ${utcTime(w.cosignedAt)} заверил контрольную сумму журнала из ${ofEvents(w.size)}: журнал стал короче заверенного — события в конце удалены или журнал возвращён к прежнему состоянию.${agreesWith(c.lastAgreeing)}`;
    case 'rolled-back':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}, и среди них есть записанные позже этого заверения: журнал возвращён к прежнему состоянию (например, из старой копии) и продолжен.${agreesWith(c.lastAgreeing)}`;
    case 'recomputed':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}, хотя цепочка с событиями сходится: события изменены, и цепочка пересчитана заново.${agreesWith(c.lastAgreeing)}`;
    case 'rewritten':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}: журнал изменён после заверения.${agreesWith(c.lastAgreeing)}`;
  }
}

/** The witness's refusals of this log, in one sentence (empty without any). */
export function refusalsSentence(refusals: WitnessReport['refusals']): string {
  const last = refusals[refusals.length - 1];
  return last ? ` Свидетель отказывался заверить контрольную сумму этого журнала (раз: ${refusals.length}), последний раз ${utcTime(last.at)}: ${last.reason}` : '';
}

/** One sentence on the check against the witness. */
export function witnessSummary(r: Omit<WitnessReport, 'summary'>): string {
  const name = r.witness?.name ? ` ${r.witness.name}` : '';
  const refused = refusalsSentence(r.refusals);
  switch (r.status) {
    case 'off':
      return 'Свидетель не настроен: сверка с контрольной суммой журнала, заверенной вне организации, не проведена.';
    case 'unreachable':
      return `Свидетель ${r.witness?.url ?? ''} не ответил: сверка с ним не проведена.`;
    case 'none':
      return `Свидетель${name} ещё не заверил ни одной контрольной суммы этого журнала.${refused}`;
    case 'contradicts':
      return `Журнал не совпадает с заверенным свидетелем. ${r.contradiction?.message ?? ''}${refused}`;
    case 'agrees': {
      const w = r.checkpoint!;
      const earlier = r.compared > 1 ? ` и со всеми заверенными раньше (всего сверено: ${r.compared})` : '';
      return `Журнал совпадает с контрольной суммой, заверенной свидетелем${name} ${utcTime(w.cosignedAt)} (${events(w.size)})${earlier}.${refused}`;
    }
  }
}
