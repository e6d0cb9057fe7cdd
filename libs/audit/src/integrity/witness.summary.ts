import { ruDateTime, zoneName } from './printable';
import type { Contradiction } from './tree-walk';
import type { WitnessReport } from './verification.result';
import type { WitnessedCheckpoint } from './witnessed';

/** An instant as people read it: `24.11.2026 09:00:05 (Москва, стандартное время)`, in the organisation's zone. */
export function instantInWords(iso: string | undefined, timeZone = 'UTC'): string {
  return iso ? `${ruDateTime(iso, timeZone)} (${zoneName(timeZone)})` : '—';
}

/** «1 событие», «3 события», «25 событий». */
export const events = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'событие' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'события' : 'событий'}`;
/** «из 1 события», «из 25 событий». */
export const ofEvents = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'события' : 'событий'}`;

const agreesWith = (w: WitnessedCheckpoint | undefined, timeZone?: string) =>
  w ? ` С контрольной суммой, заверенной ${instantInWords(w.cosignedAt, timeZone)} (${events(w.size)}), журнал совпадает.` : '';

/**
 * The contradiction in words an auditor can put in a report, naming the witnessed checkpoint it contradicts
 * by its size and the time the witness cosigned it (the witness itself by its key's fingerprint, on the statement).
 */
export function contradictionMessage(c: Contradiction, timeZone?: string): string {
  const w = c.checkpoint;
  const witnessed = `контрольную сумму журнала из ${ofEvents(w.size)}, которую свидетель заверил ${instantInWords(w.cosignedAt, timeZone)}`;
  const agrees = agreesWith(c.lastAgreeing, timeZone);
  switch (c.kind) {
    case 'truncated':
      return `В журнале организации ${events(c.logSize)}, а свидетель ${instantInWords(w.cosignedAt, timeZone)} заверил контрольную сумму журнала из ${ofEvents(w.size)}: журнал стал короче заверенного — события в конце удалены или журнал возвращён к прежнему состоянию.${agrees}`;
    case 'rolled-back':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}, и среди них есть записанные позже этого заверения: журнал возвращён к прежнему состоянию (например, из старой копии) и продолжен.${agrees}`;
    case 'recomputed':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}, хотя цепочка с событиями сходится: события изменены, и цепочка пересчитана заново.${agrees}`;
    case 'rewritten':
      return `Первые ${events(w.size)} журнала не дают ${witnessed}: журнал изменён после заверения.${agrees}`;
  }
}

/** The witness's refusals of this log, in one sentence (empty without any). */
export function refusalsSentence(refusals: WitnessReport['refusals'], timeZone?: string): string {
  const last = refusals[refusals.length - 1];
  return last ? ` Свидетель отказывался заверить контрольную сумму этого журнала (раз: ${refusals.length}), последний раз ${instantInWords(last.at, timeZone)}: ${last.reason}` : '';
}

/** One sentence on the check against the witness. */
export function witnessSummary(r: Omit<WitnessReport, 'summary'>, timeZone?: string): string {
  const refused = refusalsSentence(r.refusals, timeZone);
  switch (r.status) {
    case 'off':
      return 'Свидетель не настроен: сверка с контрольной суммой журнала, заверенной вне организации, не проведена.';
    case 'unreachable':
      return 'Свидетель не ответил: сверка с ним не проведена.';
    case 'none':
      return `Свидетель ещё не заверил ни одной контрольной суммы этого журнала.${refused}`;
    case 'contradicts':
      return `Журнал не совпадает с заверенным свидетелем. ${r.contradiction?.message ?? ''}${refused}`;
    case 'agrees': {
      const w = r.checkpoint!;
      const earlier = r.compared > 1 ? ` и со всеми заверенными раньше (всего сверено: ${r.compared})` : '';
      return `Журнал совпадает с контрольной суммой, заверенной свидетелем ${instantInWords(w.cosignedAt, timeZone)} (${events(w.size)})${earlier}.${refused}`;
    }
  }
}
