import { addMonths, type BusinessDate } from '../../shared/business-date';

export interface Warning {
  code: string;
  clause: string;
  message: string;
}

/**
 * §1.2 calls a personalised program "from 3 months to 1 year" while §3.7 allows one month:
 * the two clauses disagree, so a shorter plan is allowed and carries this warning.
 */
export function shortProgramWarning(plannedStart: BusinessDate, plannedEnd: BusinessDate): Warning | null {
  return plannedEnd < addMonths(plannedStart, 3)
    ? {
        code: 'program-shorter-than-3-months',
        clause: '§1.2',
        message: 'Срок короче 3 месяцев: п. 1.2 определяет персонализированную программу от 3 месяцев до 1 года (п. 3.7 допускает от 1 месяца).',
      }
    : null;
}
