import { z } from 'zod';
import { businessDate } from '../shared/business-date';

/** HTTP bodies of the program bank: the public contract. Extra fields are refused. */
const id = z.string().min(1).max(100).describe('Наставничество или программа');
const text = (max: number, title: string) => z.string().trim().min(1).max(max).describe(title);

export const saveTemplateBody = z.strictObject({
  mentorshipId: id.describe('Завершённое наставничество, чья программа сохраняется'),
  title: text(300, 'Название программы в банке').optional(),
  date: businessDate.describe('Дата внесения в банк'),
});

export const retireTemplateBody = z.strictObject({
  date: businessDate.describe('Дата исключения из банка'),
  reason: text(2000, 'Причина'),
});

export const markBestCaseBody = z
  .strictObject({
    mentorshipId: id.optional().describe('Завершённое наставничество'),
    templateId: id.optional().describe('Программа из банка'),
    title: text(300, 'Заголовок кейса для сайта'),
    summary: text(20000, 'Описание успешного опыта (п. 3.4) для сайта'),
    date: businessDate.describe('Дата решения'),
  })
  .refine((b) => !!b.mentorshipId !== !!b.templateId, { message: 'Укажите что-то одно: завершённое наставничество или программу из банка', path: ['mentorshipId'] });

export const withdrawBestCaseBody = z.strictObject({
  date: businessDate.describe('Дата'),
  reason: text(2000, 'Причина'),
});

/** `GET …/draft?start=&date=`: the template as a DraftProgram body for a program starting on `start`. */
export const draftParams = z.strictObject({
  start: businessDate.describe('Начало программы'),
  date: businessDate.optional().describe('Дата программы (по умолчанию сегодня)'),
});

export type SaveTemplateBody = z.infer<typeof saveTemplateBody>;
export type RetireTemplateBody = z.infer<typeof retireTemplateBody>;
export type MarkBestCaseBody = z.infer<typeof markBestCaseBody>;
export type WithdrawBestCaseBody = z.infer<typeof withdrawBestCaseBody>;
