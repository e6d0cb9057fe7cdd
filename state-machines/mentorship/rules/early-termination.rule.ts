import { addWorkingDays } from '../../shared/calendar/production-calendar';
import { ruDate, type BusinessDate } from '../../shared/business-date';
import { menteeIds, type MentorshipContext } from '../mentorship.context';
import type { NoticeParty } from '../mentorship.vocabulary';
import { LABOUR_CODE_351_8, LABOUR_CODE_351_8_IN_FORCE } from './labour-code';
import { violation, type RuleCheck } from './rule';

/** Written notice at least this many working days before mentoring ends early (ТК РФ ст. 351.8). */
export const NOTICE_WORKING_DAYS = 3;
const CLAUSE = `${LABOUR_CODE_351_8}, §7.1`;

/**
 * Whether ст. 351.8 governs this mentorship's assignment: its order (or the replacement order of a
 * successor) recorded the supplementary agreement, or was issued once the law was in force. One
 * ordered earlier under the regulation alone ends by §7.1 or a replacement (§3.8), as before.
 */
export const labourCodeGoverns = (ctx: MentorshipContext): boolean =>
  !!ctx.order && (!!ctx.order.agreement || ctx.order.date >= LABOUR_CODE_351_8_IN_FORCE);

/**
 * Who gave notice: the mentor (the employee doing the mentoring) or the employer, the two sides of
 * ст. 351.8; or a mentee, whose initiative §7.1 recognises — named when the group has several.
 */
export function noticeFromParty(ctx: MentorshipContext, noticeBy: NoticeParty, personId: string | undefined): RuleCheck {
  if (noticeBy === 'mentee') {
    if (!personId) return violation('notice-mentee-required', CLAUSE, 'Укажите, кто из наставляемых подал письменное уведомление.');
    if (!menteeIds(ctx).includes(personId)) {
      return violation('notice-not-participant', CLAUSE, 'Уведомление может подать наставляемый этой пары (группы).', { personId });
    }
  }
  if (noticeBy === 'mentor' && personId !== undefined && personId !== ctx.mentorId) {
    return violation('notice-not-participant', CLAUSE, 'Уведомление от наставника подаёт наставник этой пары (группы).', { personId });
  }
  return null;
}

/**
 * ТК РФ ст. 351.8: either side may end mentoring early by written notice at least three working days
 * ahead. The working days are counted from the day after the notice (ст. 14) by the production
 * calendar of each year they fall in; the end date may be the third of them at the earliest. A
 * notice before 01.03.2025 (the law was not in force) or before the order is refused, and so is a
 * count reaching a year whose calendar is not shipped: it is never guessed as Monday–Friday.
 */
export function noticePeriodKept(ctx: MentorshipContext, noticeDate: BusinessDate, endDate: BusinessDate): RuleCheck {
  if (noticeDate < LABOUR_CODE_351_8_IN_FORCE) {
    return violation('labour-code-not-in-force', CLAUSE, `Уведомление от ${ruDate(noticeDate)}: статья 351.8 ТК РФ действует с 01.03.2025.`, { noticeDate });
  }
  if (ctx.order && noticeDate < ctx.order.date) {
    return violation(
      'notice-before-order', CLAUSE,
      `Уведомление от ${ruDate(noticeDate)} раньше приказа от ${ruDate(ctx.order.date)}: досрочно прекращается наставничество, уже возложенное приказом.`,
      { noticeDate, orderDate: ctx.order.date },
    );
  }
  const earliest = addWorkingDays(noticeDate, NOTICE_WORKING_DAYS);
  if ('missingYear' in earliest) {
    return violation(
      'production-calendar-missing', LABOUR_CODE_351_8,
      `Производственный календарь на ${earliest.missingYear} год ещё не внесён в систему: рабочие дни после уведомления не посчитать. `
        + `Его вносят по постановлению Правительства РФ о переносе выходных дней в ${earliest.missingYear} году; обратитесь к администратору.`,
      { year: earliest.missingYear },
    );
  }
  if (endDate < earliest.date) {
    return violation(
      'notice-period-too-short', CLAUSE,
      `Наставничество можно прекратить не ранее ${ruDate(earliest.date)}: письменное уведомление от ${ruDate(noticeDate)} подаётся `
        + `не менее чем за ${NOTICE_WORKING_DAYS} рабочих дня (по производственному календарю), а указано ${ruDate(endDate)}.`,
      // `date` names the end-date field of the step, so a form shows the refusal next to it.
      { date: endDate, earliestEnd: earliest.date, notice: noticeDate },
    );
  }
  return null;
}
