import type { Violation } from '../../shared/domain-error';
import { PERSONAL_DATA_CLAUSE } from '../personal-data';

/**
 * 152-ФЗ with §3.6: a person's data is kept while an unfinished mentorship still needs it (its
 * order and the reports due after completion name the person); only then may it be destroyed.
 */
export function dataNoLongerNeeded(unfinishedMentorships: number): Violation | null {
  if (unfinishedMentorships <= 0) return null;
  return {
    kind: 'rule', code: 'retention-required', clause: `${PERSONAL_DATA_CLAUSE}; §3.6`,
    message: unfinishedMentorships === 1
      ? 'Сотрудник участвует в незавершённом наставничестве: данные нужны, пока оно не завершено и отчёты не сданы.'
      : `Сотрудник участвует в незавершённых наставничествах (${unfinishedMentorships}): данные нужны, пока они не завершены и отчёты не сданы.`,
    details: { unfinishedMentorships },
  };
}
