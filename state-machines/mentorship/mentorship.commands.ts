import { z } from 'zod';
import { businessDateInput } from '../shared/business-date';
import { readableText } from '../shared/readable-text';
import { agreementFields, payMatchesKind } from './mentorship.events';
import {
  activityKind, completionReason, mentoringForm, noticeParty, payKind, replacementReason,
} from './mentorship.vocabulary';

/** HTTP/CLI bodies of the mentorship commands: the public contract. Extra fields are refused. */
const personId = z.string().min(1).max(100).describe('Сотрудник');
const text = (max: number, title: string) => readableText(max).describe(title);
/** Reports, reasons and notes: several lines. */
const prose = (max: number, title: string) => readableText(max, { multiline: true }).describe(title);
const agreedBy = z.array(personId).min(1).describe('Кто согласовал: наставник и все наставляемые');

export const proposeBody = z.strictObject({
  mentorId: personId.describe('Наставник (из базы наставников)'),
  menteeIds: z.array(personId).min(1).max(30).describe('Наставляемые (из банка наставляемых)'),
  form: mentoringForm.describe('Форма наставничества (п. 2.3)'),
  topic: text(500, 'Направление / тема'),
  plannedStart: businessDateInput.describe('Плановое начало'),
  plannedEnd: businessDateInput.describe('Плановое окончание (от 1 месяца до 1 года)'),
  date: businessDateInput.describe('Дата предложения'),
});

const activityInput = z.strictObject({
  kind: activityKind.describe('Вид мероприятия (п. 3.6)'),
  title: text(500, 'Мероприятие'),
  due: businessDateInput.describe('Срок'),
});

/**
 * The supplementary agreement as a form fills it in (ТК РФ ст. 351.8), stored as it is
 * (`SupplementaryAgreement`): number, date, the contract it amends, and the pay — a sum, a
 * percentage, or «без доплаты» chosen explicitly.
 */
export const agreementInput = z.strictObject({
  number: agreementFields.number.describe('Номер дополнительного соглашения'),
  date: businessDateInput.describe('Дата дополнительного соглашения'),
  contractRef: text(200, 'Трудовой договор наставника (номер и дата)').optional(),
  pay: payKind.describe('Оплата наставничества'),
  amount: z.number({ error: 'Укажите размер доплаты числом, в рублях' })
    .positive({ error: 'Размер доплаты должен быть больше нуля' })
    .max(1_000_000, { error: 'Размер доплаты — не больше 1 000 000 руб. в месяц' })
    .multipleOf(0.01, { error: 'Размер доплаты — в рублях, не больше двух знаков после запятой' })
    .optional().describe('Размер доплаты, руб. в месяц'),
  percent: z.number({ error: 'Укажите размер доплаты числом, в процентах' })
    .positive({ error: 'Процент доплаты должен быть больше нуля' })
    .max(100, { error: 'Процент доплаты — не больше 100' })
    .multipleOf(0.01, { error: 'Процент доплаты — не больше двух знаков после запятой' })
    .optional().describe('Размер доплаты, % должностного оклада'),
}).superRefine(payMatchesKind).describe('Дополнительное соглашение к трудовому договору наставника (ТК РФ ст. 351.8)');

const menteeConsentInput = z.strictObject({
  personId: personId.describe('Наставляемый'),
  date: businessDateInput.describe('Дата согласия'),
  documentRef: text(200, 'Реквизиты письменного согласия на нового наставника'),
});

export const STEP_BODIES = {
  consent: z.strictObject({
    personId: personId.describe('Чьё согласие'),
    given: z.boolean().describe('Согласие дано (нет — отказ)'),
    date: businessDateInput.describe('Дата согласия'),
    documentRef: text(200, 'Реквизиты письменного согласия'),
  }),
  order: z.strictObject({ number: text(100, 'Номер приказа'), date: businessDateInput.describe('Дата приказа'), agreement: agreementInput.optional() }),
  program: z.strictObject({
    date: businessDateInput.describe('Дата программы'),
    activities: z.array(activityInput).min(1).max(200).describe('Мероприятия программы'),
  }),
  acknowledge: z.strictObject({ date: businessDateInput.describe('Дата ознакомления') }),
  'activity-done': z.strictObject({ activityId: z.string().min(1).max(20).describe('Мероприятие'), date: businessDateInput.describe('Дата выполнения') }),
  amend: z.strictObject({
    date: businessDateInput.describe('Дата изменения'),
    activities: z.array(activityInput).min(1).max(200).describe('Новый план невыполненных мероприятий'),
    agreedBy,
  }),
  extend: z.strictObject({ date: businessDateInput.describe('Дата решения'), plannedEnd: businessDateInput.describe('Новый срок окончания'), agreedBy }),
  complete: z.strictObject({
    date: businessDateInput.describe('Дата завершения'),
    reason: completionReason.describe('Основание завершения (п. 7.1)'),
    note: readableText(2000, { multiline: true, min: 0 }).optional().describe('Пояснение'),
  }),
  'end-early': z.strictObject({
    noticeBy: noticeParty.describe('Кто письменно уведомил о досрочном прекращении (ТК РФ ст. 351.8)'),
    menteeId: personId.optional().describe('Наставляемый, подавший уведомление (если уведомил наставляемый)'),
    noticeDate: businessDateInput.describe('Дата письменного уведомления'),
    noticeRef: text(200, 'Реквизиты письменного уведомления'),
    date: businessDateInput.describe('Дата прекращения наставничества (не ранее 3 рабочих дней после уведомления)'),
    note: readableText(2000, { multiline: true, min: 0 }).optional().describe('Пояснение'),
  }),
  'mentor-report': z.strictObject({
    date: businessDateInput.describe('Дата отчёта'),
    text: prose(20000, 'Отчёт о выполнении программы'),
    recommendations: prose(20000, 'Рекомендации по дальнейшему развитию'),
  }),
  'mentee-report': z.strictObject({
    date: businessDateInput.describe('Дата отчёта'),
    text: prose(20000, 'Отчёт о прохождении наставничества'),
    mentorEvaluation: z.number().int().min(1).max(5).describe('Оценка работы наставника (1–5)'),
  }),
  'request-replacement': z.strictObject({
    date: businessDateInput.describe('Дата обращения'),
    reason: replacementReason.describe('Основание замены (п. 3.8)'),
    note: readableText(2000, { multiline: true, min: 0 }).optional().describe('Пояснение'),
  }),
  replace: z.strictObject({
    date: businessDateInput.describe('Дата приказа о замене'),
    reason: replacementReason.describe('Основание замены (п. 3.8)'),
    newMentorId: personId.describe('Новый наставник'),
    newMentorConsentRef: text(200, 'Письменное согласие нового наставника'),
    orderNumber: text(100, 'Номер приказа о замене'),
    menteeConsents: z.array(menteeConsentInput).min(1).max(30).optional()
      .describe('Письменные согласия наставляемых на нового наставника (п. 3.7); не записанное здесь записывается потом шагом «Записать письменное согласие»'),
    agreement: agreementInput.describe('Дополнительное соглашение к трудовому договору нового наставника (ТК РФ ст. 351.8)').optional(),
  }),
  publish: z.strictObject({ date: businessDateInput.describe('Дата публикации'), summary: prose(20000, 'Итоги для сайта') }),
  withdraw: z.strictObject({ date: businessDateInput.describe('Дата'), reason: prose(2000, 'Причина') }),
} as const;

export type StepName = keyof typeof STEP_BODIES;
export type StepBody<S extends StepName> = z.infer<(typeof STEP_BODIES)[S]>;
export type ProposeBody = z.infer<typeof proposeBody>;
export const STEP_NAMES = Object.keys(STEP_BODIES) as StepName[];
export const isStepName = (s: string): s is StepName => Object.prototype.hasOwnProperty.call(STEP_BODIES, s);
