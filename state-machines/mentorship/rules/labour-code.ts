import type { BusinessDate } from '../../shared/business-date';

/**
 * ТК РФ ст. 351.8 (Federal Law 381-ФЗ of 09.11.2024): mentoring with the employee's written consent,
 * on terms (content, term, form, pay) set in the employment contract or a supplementary agreement;
 * either side may end it early by written notice at least three working days ahead. Cited beside
 * the regulation's own clause, which was written before the law.
 */
export const LABOUR_CODE_351_8 = 'ТК РФ ст. 351.8';

/** The day ст. 351.8 came into force. */
export const LABOUR_CODE_351_8_IN_FORCE: BusinessDate = '2025-03-01';
