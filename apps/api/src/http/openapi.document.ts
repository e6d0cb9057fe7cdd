import { z } from 'zod';
import { proposeBody, STEP_BODIES, STEP_NAMES, STEP_POLICIES } from '#core/mentorship';
import { destroyPersonalDataBody, menteeBankBody, mentorBankBody, personalDataConsentBody, registerPersonBody, withdrawPersonalDataConsentBody } from '#core/people';
import { accountActionBody, createUserBody } from '#core/accounts';
import { withReadModelPaths } from './queries/read-models.openapi';
import { organisationPaths } from './roadmap.openapi';
import { programPaths } from './programs.openapi';
import { reminderPaths } from './reminders.openapi';
import { documentPaths } from './documents.openapi';
import { auditPaths } from './audit.openapi';
import { webPaths } from './web.openapi';
import { organisationDetailsPaths } from './organisation.openapi';
import { regionPaths } from './region.openapi';

const schema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  return rest;
};
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 412: problem, 422: problem, 429: problem };
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const optionalJson = (s: z.ZodType) => ({ ...json(s), required: false });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'Версия из ответа (revision); 412, если устарела.' };
const headers = [
  { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'Повтор с тем же ключом вернёт первый ответ и ничего не запишет.' },
];

/** The OpenAPI 3.1 document, generated from the same zod schemas the API validates with. */
export function openApiDocument(): Record<string, unknown> {
  const stepPaths = Object.fromEntries(
    STEP_NAMES.map((step) => [
      `/api/mentorships/{id}/steps/${step}`,
      {
        post: {
          summary: STEP_POLICIES[step].title,
          description: `Выполняет: ${STEP_POLICIES[step].roles.join(', ')} (${STEP_POLICIES[step].roleClause}). ${STEP_POLICIES[step].requires.message}`,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...headers,
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'Версия из ETag; 412, если устарела.' },
          ],
          requestBody: json(STEP_BODIES[step]),
          responses: { 200: ok('Шаг записан; состояние наставничества'), ...errors },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'Наставничество педагогических работников — API', version: '0.1.0' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' },
            detail: { type: 'string' }, clause: { type: 'string' }, errors: { type: 'array' }, allowedSteps: { type: 'array' },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: withReadModelPaths({
      '/api/users': {
        get: { summary: 'Учётные записи организации (администратор): состояние, срок действия токена', responses: { 200: ok('{items: [{userId, name, roles, personId, region, state, disabledReason, disabledAt, tokenIssuedAt, tokenExpiresAt, tokenExpiresOn, tokenExpired}]}'), ...errors } },
        post: { summary: 'Создать пользователя (администратор)', requestBody: json(createUserBody), responses: { 201: ok('{id, token} — токен показывается один раз'), ...errors } },
      },
      '/api/users/{id}/disable': { post: { summary: 'Отключить учётную запись: её токен перестаёт действовать со следующего запроса', parameters: [idParam, ...headers, ifMatch], requestBody: optionalJson(accountActionBody), responses: { 200: ok('Учётная запись'), ...errors } } },
      '/api/users/{id}/enable': { post: { summary: 'Включить отключённую учётную запись', parameters: [idParam, ...headers, ifMatch], requestBody: optionalJson(accountActionBody), responses: { 200: ok('Учётная запись'), ...errors } } },
      '/api/users/{id}/rotate-token': { post: { summary: 'Выдать новый токен: показывается один раз, прежний перестаёт действовать сразу (повтор запроса выдаёт ещё один)', parameters: [idParam], requestBody: optionalJson(accountActionBody), responses: { 200: ok('{id, token, tokenExpiresAt, tokenExpiresOn}'), ...errors } } },
      '/api/people': { post: { summary: 'Зарегистрировать сотрудника', parameters: headers, requestBody: json(registerPersonBody), responses: { 201: ok('{id}'), ...errors } } },
      '/api/people/{id}': { get: { summary: 'Сотрудник, банки и нагрузка наставника', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('Сотрудник'), ...errors } } },
      '/api/people/{id}/consent': { post: { summary: 'Согласие на обработку персональных данных', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...headers], requestBody: json(personalDataConsentBody), responses: { 201: ok('Записано'), ...errors } } },
      '/api/people/{id}/consent-withdrawal': { post: { summary: 'Отзыв согласия на обработку персональных данных', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...headers], requestBody: json(withdrawPersonalDataConsentBody), responses: { 201: ok('Записано'), ...errors } } },
      '/api/people/{id}/personal-data-destruction': { post: { summary: 'Уничтожение персональных данных по приказу заведующего (ключ уничтожается, запись об уничтожении остаётся)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...headers], requestBody: json(destroyPersonalDataBody), responses: { 201: ok('Уничтожено'), ...errors } } },
      '/api/mentor-bank': { post: { summary: 'Внести в базу наставников', parameters: headers, requestBody: json(mentorBankBody), responses: { 201: ok('Записано'), ...errors } } },
      '/api/mentee-bank': { post: { summary: 'Внести в банк наставляемых', parameters: headers, requestBody: json(menteeBankBody), responses: { 201: ok('Записано'), ...errors } } },
      '/api/mentorships': { post: { summary: 'Предложить наставническую пару (группу)', parameters: headers, requestBody: json(proposeBody), responses: { 201: ok('{id, state, revision}'), ...errors } } },
      '/api/mentorships/{id}': { get: { summary: 'Наставничество: состояние, сроки, доступные шаги', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('Наставничество; ETag — версия'), ...errors } } },
      ...stepPaths,
      '/api/health/live': { get: { summary: 'Процесс жив', security: [], responses: { 200: ok('ok') } } },
      '/api/health/ready': { get: { summary: 'Хранилище доступно', security: [], responses: { 200: ok('ok'), 503: problem } } },
      ...organisationPaths(),
      ...programPaths(),
      ...reminderPaths(),
      ...documentPaths(),
      ...auditPaths(),
      ...webPaths(),
      ...organisationDetailsPaths(),
      ...regionPaths(),
    }),
  };
}
