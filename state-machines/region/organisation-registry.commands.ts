import { z } from 'zod';
import { organisationDetailsBody } from '../organisation/organisation.commands';
import { readableText } from '../shared/readable-text';
import { territoryCode } from './region-access';

/** A zone of the IANA database (`Europe/Moscow`, `Asia/Yekaterinburg`): the organisation's business dates are its. */
export const timeZoneName = z.string().max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'Часовой пояс не найден: укажите его так, как он назван в международной базе часовых поясов (часть света и город латиницей)');

/** `POST /api/organisations`: the system administrator registers an organisation of a municipality, with its first administrator. */
export const registerOrganisationBody = z.strictObject({
  orgId: territoryCode.describe('Код организации: единственный, не меняется'),
  name: readableText(300).describe('Наименование организации в списках'),
  regionId: territoryCode.describe('Код региона'),
  municipalityId: territoryCode.describe('Код муниципалитета'),
  timeZone: timeZoneName.default('Europe/Moscow').describe('Часовой пояс организации'),
  details: organisationDetailsBody.omit({ effectiveFrom: true }).optional().describe('Реквизиты, как их печатают документы'),
  administrator: z.strictObject({
    name: readableText(200).describe('Имя администратора'),
    email: z.email().max(254).optional().describe('Адрес эл. почты'),
  }).optional().describe('Первый администратор организации (обязателен для новой организации)'),
});
export type RegisterOrganisationBody = z.infer<typeof registerOrganisationBody>;

export const renameOrganisationBody = z.strictObject({ name: readableText(300).describe('Новое наименование организации в списках') });
export type RenameOrganisationBody = z.infer<typeof renameOrganisationBody>;

/** Disable and enable carry nothing but the organisation in the path. */
export const organisationActionBody = z.strictObject({});

/** `POST /api/coordinators`: an account of the municipal (no `municipalityId`: the regional) coordinator. */
export const createCoordinatorBody = z.strictObject({
  name: readableText(200).describe('Имя координатора'),
  regionId: territoryCode.describe('Код региона'),
  municipalityId: territoryCode.optional().describe('Код муниципалитета; без него — координатор всего региона'),
});
export type CreateCoordinatorBody = z.infer<typeof createCoordinatorBody>;
