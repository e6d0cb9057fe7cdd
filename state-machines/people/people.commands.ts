import { z } from 'zod';
import { businessDateInput } from '../shared/business-date';
import { readableText } from '../shared/readable-text';

const personId = z.string().min(1).max(100).describe('Сотрудник');

export const registerPersonBody = z.strictObject({
  fullName: readableText(300).describe('ФИО'),
  position: readableText(300).describe('Должность'),
  firstWorkingDay: businessDateInput.describe('Дата фактического допуска к работе'),
});
export const personalDataConsentBody = z.strictObject({
  date: businessDateInput.describe('Дата согласия'),
  documentRef: readableText(200).describe('Реквизиты согласия на обработку персональных данных'),
});
export const mentorBankBody = z.strictObject({
  personId,
  competences: z.array(readableText(300).describe('Компетенция')).min(1).max(50).describe('Компетенции'),
});
export const menteeBankBody = z.strictObject({
  personId,
  requests: z.array(readableText(300).describe('Запрос')).min(1).max(50).describe('Профессиональные запросы'),
});

export const withdrawPersonalDataConsentBody = z.strictObject({
  date: businessDateInput.describe('Дата отзыва согласия'),
  documentRef: readableText(200).describe('Реквизиты письменного отзыва согласия'),
});
export const destroyPersonalDataBody = z.strictObject({
  date: businessDateInput.describe('Дата уничтожения'),
  orderNumber: readableText(100).describe('Номер приказа (акта) об уничтожении'),
  orderDate: businessDateInput.describe('Дата приказа (акта)'),
});

export type RegisterPersonBody = z.infer<typeof registerPersonBody>;
export type PersonalDataConsentBody = z.infer<typeof personalDataConsentBody>;
export type MentorBankBody = z.infer<typeof mentorBankBody>;
export type MenteeBankBody = z.infer<typeof menteeBankBody>;
export type WithdrawPersonalDataConsentBody = z.infer<typeof withdrawPersonalDataConsentBody>;
export type DestroyPersonalDataBody = z.infer<typeof destroyPersonalDataBody>;
