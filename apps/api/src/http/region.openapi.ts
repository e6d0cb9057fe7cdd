import { z } from 'zod';
import { accountActionBody } from '#core/accounts';
import {
  createCoordinatorBody, organisationActionBody, registerMunicipalityBody, registerOrganisationBody, registerRegionBody, renameOrganisationBody,
} from '#core/region';
import { rollupParams } from '#libs/region';

const schema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  return rest;
};
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const json = (s: z.ZodType, required = true) => ({ required, content: { 'application/json': { schema: schema(s) } } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const idempotency = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'Повтор с тем же ключом вернёт первый ответ и ничего не запишет.' };

/** Above organisations: the register (system administrator) and the coordinator's roll-up. */
export function regionPaths(): Record<string, object> {
  const query = z.toJSONSchema(rollupParams, { io: 'input' }) as { properties: Record<string, { description?: string }>; required?: string[] };
  const action = (summary: string) => ({ post: { summary, parameters: [path('orgId'), idempotency], requestBody: json(organisationActionBody, false), responses: { 200: ok('Записано'), ...errors } } });
  return {
    '/api/regions': {
      get: { summary: 'Регионы и их муниципалитеты (системный администратор — все, координатор — свои)', responses: { 200: ok('{items}'), 401: problem, 403: problem } },
      post: { summary: 'Зарегистрировать регион (системный администратор)', parameters: [idempotency], requestBody: json(registerRegionBody), responses: { 201: ok('Записано'), ...errors } },
    },
    '/api/regions/{regionId}/municipalities': {
      post: { summary: 'Зарегистрировать муниципалитет региона (системный администратор)', parameters: [path('regionId'), idempotency], requestBody: json(registerMunicipalityBody), responses: { 201: ok('Записано'), ...errors } },
    },
    '/api/organisations': {
      get: { summary: 'Организации (системный администратор): реестр и первая организация сервера', responses: { 200: ok('{items}'), 401: problem, 403: problem } },
      post: {
        summary: 'Зарегистрировать организацию муниципалитета: реквизиты, часовой пояс, первый администратор (системный администратор)',
        parameters: [idempotency], requestBody: json(registerOrganisationBody), responses: { 201: ok('{orgId, revision, administrator: {id, token}} — токен показывается один раз'), ...errors },
      },
    },
    '/api/organisations/{orgId}/rename': {
      post: { summary: 'Переименовать организацию (системный администратор)', parameters: [path('orgId'), idempotency], requestBody: json(renameOrganisationBody), responses: { 200: ok('Записано'), ...errors } },
    },
    '/api/organisations/{orgId}/disable': action('Отключить организацию: учётные записи её сотрудников перестают действовать'),
    '/api/organisations/{orgId}/enable': action('Включить отключённую организацию'),
    '/api/coordinators': {
      get: { summary: 'Учётные записи координаторов (системный администратор): территория, состояние', responses: { 200: ok('{items}'), 401: problem, 403: problem } },
      post: { summary: 'Создать учётную запись координатора муниципалитета или региона (системный администратор)', requestBody: json(createCoordinatorBody), responses: { 201: ok('{id, token} — токен показывается один раз'), ...errors } },
    },
    '/api/coordinators/{id}/disable': {
      post: { summary: 'Отключить учётную запись координатора (системный администратор)', parameters: [path('id'), idempotency], requestBody: json(accountActionBody, false), responses: { 200: ok('Учётная запись'), ...errors } },
    },
    '/api/coordinators/{id}/enable': {
      post: { summary: 'Включить учётную запись координатора (системный администратор)', parameters: [path('id'), idempotency], requestBody: json(accountActionBody, false), responses: { 200: ok('Учётная запись'), ...errors } },
    },
    '/api/region/figures': {
      get: {
        summary: 'Сводные показатели организаций муниципалитета или региона за период (координатор, п. 3.4): по организациям и итог, без персональных данных; JSON или XLSX',
        parameters: Object.entries(query.properties).map(([name, s]) => ({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: s, description: s.description })),
        responses: { 200: { description: 'Сводка', content: { 'application/json': { schema: { type: 'object' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, 400: problem, 401: problem, 403: problem },
      },
    },
  };
}
