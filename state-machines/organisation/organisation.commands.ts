import { z } from 'zod';
import { businessDate } from '../shared/business-date';

const text = (min: number, max: number, label: string) => z.string().trim().min(min).max(max).describe(label);

/** `POST /api/organisation/details`: what the head or the administrator enters; every field is printed on documents. */
export const organisationDetailsBody = z.strictObject({
  fullName: text(5, 500, 'Полное наименование организации'),
  shortName: text(2, 200, 'Сокращённое наименование'),
  address: text(5, 500, 'Адрес'),
  headName: text(3, 200, 'ФИО заведующего'),
  headPosition: text(3, 200, 'Должность заведующего').default('Заведующий'),
  curatorName: text(3, 200, 'ФИО куратора реализации программ наставничества').optional(),
  curatorPosition: text(3, 200, 'Должность куратора').optional(),
  effectiveFrom: businessDate.optional().describe('Действуют с (документы с этой даты печатаются с этими реквизитами); по умолчанию — сегодня'),
});
export type OrganisationDetailsBody = z.infer<typeof organisationDetailsBody>;
