import { z } from 'zod';
import { organisationDetailsBody } from '#core/organisation';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem, 409: problem, 412: problem, 422: problem };
const idempotency = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'Повтор с тем же ключом вернёт первый ответ и ничего не запишет.' };
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'Версия из ETag; 412, если устарела.' };

/** The organisation's details in the OpenAPI document, from the zod schema the API validates with. */
export function organisationDetailsPaths(): Record<string, object> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(organisationDetailsBody, { io: 'input' }) as Record<string, unknown>;
  return {
    '/api/organisation': {
      get: { summary: 'Реквизиты организации, как их печатают документы: действующие сегодня и все внесённые версии', responses: { 200: ok('{orgId, revision, today, current, versions, canEdit}; ETag — версия'), 401: problem } },
    },
    '/api/organisation/details': {
      post: {
        summary: 'Внести реквизиты организации (заведующий, администратор): наименование, адрес, заведующий, куратор; действуют с указанного дня',
        parameters: [idempotency, ifMatch],
        requestBody: { required: true, content: { 'application/json': { schema } } },
        responses: { 200: ok('Записано; реквизиты организации'), ...errors },
      },
    },
  };
}
