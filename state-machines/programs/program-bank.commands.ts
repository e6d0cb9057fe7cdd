import { z } from 'zod';
import { businessDateInput } from '../shared/business-date';
import { readableText } from '../shared/readable-text';

/** HTTP bodies of the program bank: the public contract. Extra fields are refused. */
const id = z.string().min(1).max(100).describe('Наставничество или программа');
const text = (max: number, title: string) => readableText(max).describe(title);
const prose = (max: number, title: string) => readableText(max, { multiline: true }).describe(title);

export const saveTemplateBody = z.strictObject({
  mentorshipId: id.describe('Завершённое наставничество, чья программа сохраняется'),
  title: text(300, 'Название программы в банке').optional(),
  date: businessDateInput.describe('Дата внесения в банк'),
});

export const retireTemplateBody = z.strictObject({
  date: businessDateInput.describe('Дата исключения из банка'),
  reason: prose(2000, 'Причина'),
});

export const markBestCaseBody = z
  .strictObject({
    mentorshipId: id.optional().describe('Завершённое наставничество'),
    templateId: id.optional().describe('Программа из банка'),
    title: text(300, 'Заголовок кейса для сайта'),
    summary: prose(20000, 'Описание успешного опыта (п. 3.4) для сайта'),
    date: businessDateInput.describe('Дата решения'),
  })
  .refine((b) => !!b.mentorshipId !== !!b.templateId, { message: 'Укажите что-то одно: завершённое наставничество или программу из банка', path: ['mentorshipId'] });

export const withdrawBestCaseBody = z.strictObject({
  date: businessDateInput.describe('Дата'),
  reason: prose(2000, 'Причина'),
});

/** `GET …/draft?start=&date=`: the template as a DraftProgram body for a program starting on `start`. */
export const draftParams = z.strictObject({
  start: businessDateInput.describe('Начало программы'),
  date: businessDateInput.optional().describe('Дата программы (по умолчанию сегодня)'),
});

export type SaveTemplateBody = z.infer<typeof saveTemplateBody>;
export type RetireTemplateBody = z.infer<typeof retireTemplateBody>;
export type MarkBestCaseBody = z.infer<typeof markBestCaseBody>;
export type WithdrawBestCaseBody = z.infer<typeof withdrawBestCaseBody>;
