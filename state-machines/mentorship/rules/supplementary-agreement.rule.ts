import { ruDate, type BusinessDate } from '../../shared/business-date';
import type { SupplementaryAgreement } from '../mentorship.events';
import { LABOUR_CODE_351_8, LABOUR_CODE_351_8_IN_FORCE } from './labour-code';
import { violation, type RuleCheck } from './rule';
import type { Warning } from './short-program.rule';

const CLAUSE = `${LABOUR_CODE_351_8}, §3.3`;

/**
 * ТК РФ ст. 351.8, §3.3: the mentor takes the work on the terms of the supplementary agreement, so the
 * agreement is signed with the order or before it (`orderDate`: the order fixing the pair, or the
 * replacement order for a new mentor), never after it.
 */
export function agreementNotAfterOrder(agreement: SupplementaryAgreement | undefined, orderDate: BusinessDate): RuleCheck {
  if (!agreement || agreement.date <= orderDate) return null;
  return violation(
    'agreement-after-order', CLAUSE,
    `Дополнительное соглашение датировано ${ruDate(agreement.date)}, позже приказа (${ruDate(orderDate)}): условия наставничества `
      + 'согласуются с наставником до приказа или в день приказа.',
    { agreementDate: agreement.date, orderDate },
  );
}

/**
 * ТК РФ ст. 351.8 (since 01.03.2025): the terms of mentoring are set in the employment contract or a
 * supplementary agreement. An order from that day without them on record is flagged, not refused:
 * orders issued before this was recorded exist, and the law does not make the order void.
 */
export function agreementMissingWarning(order: { date: BusinessDate; agreement?: SupplementaryAgreement } | undefined): Warning | null {
  if (!order || order.agreement || order.date < LABOUR_CODE_351_8_IN_FORCE) return null;
  return {
    code: 'supplementary-agreement-missing',
    clause: LABOUR_CODE_351_8,
    message: 'Условия дополнительного соглашения к трудовому договору наставника (содержание, срок, форма, оплата) при приказе не записаны: '
      + 'с 01.03.2025 наставничество выполняется на условиях, установленных трудовым договором или дополнительным соглашением.',
  };
}
