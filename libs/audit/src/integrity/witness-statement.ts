import { esc, ruDateTime } from './printable';
import type { WitnessReport } from './verification.result';
import type { WitnessedCheckpoint } from './witnessed';
import { events } from './witness.summary';

type Row = [string, string, string?];

const checked = (r: WitnessReport): string => {
  switch (r.status) {
    case 'agrees':
      return 'совпадает: журнал не урезан, не возвращён к прежнему состоянию и не пересчитан после заверения';
    case 'contradicts':
      return `НЕ СОВПАДАЕТ. ${esc(r.contradiction?.message)}`;
    case 'none':
      return 'свидетель ещё не заверял контрольную сумму этого журнала';
    case 'unreachable':
      return 'свидетель не ответил: сверка не проведена';
    case 'off':
      return 'свидетель не назначен: сверка не проведена';
  }
};

function checkpointCell(w: WitnessedCheckpoint, timeZone: string): string {
  const signed = w.time ? `подписана организацией ${esc(ruDateTime(w.time, timeZone))}, ` : '';
  return `${events(w.size)} журнала; ${signed}заверена свидетелем ${esc(ruDateTime(w.cosignedAt, timeZone))}.<br>Контрольная сумма журнала (SHA-256): <span class="hash">${esc(w.root)}</span>`;
}

/** Each signature by whose it is and its key's fingerprint (digits); the keys' technical names stay in the checkpoint file. */
function signaturesCell(w: WitnessedCheckpoint): string {
  return w.signatures
    .map((s) => `${s.by === 'witness' ? 'свидетеля' : 'организации'}: отпечаток ключа <span class="hash">${esc(s.fingerprint)}</span>`)
    .join('<br>');
}

/**
 * The statement's rows on the witness: the result of the check, the witnessed checkpoint it was
 * checked against, and its signatures' key fingerprints, in words a head of a kindergarten signs.
 */
export function witnessRows(r: WitnessReport | undefined, timeZone: string): Row[] {
  if (!r) return [];
  const rows: Row[] = [['Сверка с заверенной свидетелем контрольной суммой журнала', checked(r), r.status === 'contradicts' ? 'verdict' : undefined]];
  if (r.witness) rows.push(['Свидетель', `отпечаток ключа <span class="hash">${esc(r.witness.fingerprint)}</span>`]);
  if (r.checkpoint) {
    rows.push([r.status === 'contradicts' ? 'Заверенная контрольная сумма, с которой журнал расходится' : 'Заверенная контрольная сумма, с которой сверен журнал', checkpointCell(r.checkpoint, timeZone)]);
    rows.push(['Подписи под ней', signaturesCell(r.checkpoint)]);
  }
  if (r.lastAgreeing) rows.push(['Последняя совпадающая заверенная контрольная сумма', checkpointCell(r.lastAgreeing, timeZone)]);
  if (r.refusals.length > 0) {
    const last = r.refusals[r.refusals.length - 1];
    rows.push(['Отказы свидетеля', `${r.refusals.length}; последний ${esc(ruDateTime(last.at, timeZone))}: ${esc(last.reason)}`]);
  }
  return rows;
}

/** What the witness is, for the paragraph on how the check was made. */
export function witnessParagraph(r: WitnessReport | undefined): string {
  if (!r || r.status === 'off') return '';
  return `<p>Кроме того, журнал сверен с контрольной суммой журнала, заверенной свидетелем — стороной вне организации.
Организация подписывает контрольную сумму журнала своим ключом; свидетель проверяет, что журнал продолжает заверенный им прежде,
ставит свою подпись и хранит её у себя. Если журнал урезать, вернуть к прежнему состоянию или пересчитать, он перестанет совпадать
с заверенной контрольной суммой, и проверка это покажет. Отпечатки ключей позволяют убедиться, чьи это подписи.</p>`;
}
