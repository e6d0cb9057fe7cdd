import { z } from 'zod';
import { businessDate } from '../shared/business-date';

const personId = z.string().min(1).max(100).describe('Сотрудник');

export const registerPersonBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300).describe('ФИО'),
  position: z.string().trim().min(1).max(300).describe('Должность'),
  firstWorkingDay: businessDate.describe('Дата фактического допуска к работе'),
});
export const personalDataConsentBody = z.strictObject({
  date: businessDate.describe('Дата согласия'),
  documentRef: z.string().trim().min(1).max(200).describe('Реквизиты согласия на обработку персональных данных'),
});
export const mentorBankBody = z.strictObject({
  personId,
  competences: z.array(z.string().trim().min(1).max(300).describe('Компетенция')).min(1).max(50).describe('Компетенции'),
});
export const menteeBankBody = z.strictObject({
  personId,
  requests: z.array(z.string().trim().min(1).max(300).describe('Запрос')).min(1).max(50).describe('Профессиональные запросы'),
});

export const withdrawPersonalDataConsentBody = z.strictObject({
  date: businessDate.describe('Дата отзыва согласия'),
  documentRef: z.string().trim().min(1).max(200).describe('Реквизиты письменного отзыва согласия'),
});
export const destroyPersonalDataBody = z.strictObject({
  date: businessDate.describe('Дата уничтожения'),
  orderNumber: z.string().trim().min(1).max(100).describe('Номер приказа (акта) об уничтожении'),
  orderDate: businessDate.describe('Дата приказа (акта)'),
});

export type RegisterPersonBody = z.infer<typeof registerPersonBody>;
export type PersonalDataConsentBody = z.infer<typeof personalDataConsentBody>;
export type MentorBankBody = z.infer<typeof mentorBankBody>;
export type MenteeBankBody = z.infer<typeof menteeBankBody>;
export type WithdrawPersonalDataConsentBody = z.infer<typeof withdrawPersonalDataConsentBody>;
export type DestroyPersonalDataBody = z.infer<typeof destroyPersonalDataBody>;
