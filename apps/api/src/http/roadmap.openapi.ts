import { z } from 'zod';
import { ROADMAP_STEP_BODIES, ROADMAP_STEP_NAMES, ROADMAP_STEP_POLICIES } from '#core/roadmap';
import { closeSurveyBody, openSurveyBody } from '#core/surveys';

const schema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  return rest;
};
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 412: problem, 422: problem };
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const idempotency = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'Повтор с тем же ключом вернёт первый ответ и ничего не запишет.' };
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'Версия из ETag; 412, если устарела.' };

/** The roadmap, surveys and pairing suggestions in the OpenAPI document, from the same zod schemas. */
export function organisationPaths(): Record<string, object> {
  const steps = Object.fromEntries(ROADMAP_STEP_NAMES.map((step) => [`/api/roadmap/steps/${step}`, {
    post: {
      summary: ROADMAP_STEP_POLICIES[step].title,
      description: `Выполняет: ${ROADMAP_STEP_POLICIES[step].roles.join(', ')} (${ROADMAP_STEP_POLICIES[step].roleClause}). ${ROADMAP_STEP_POLICIES[step].requires.message}`,
      parameters: [idempotency, ifMatch],
      requestBody: json(ROADMAP_STEP_BODIES[step]),
      responses: { 200: ok('Записано; дорожная карта'), ...errors },
    },
  }]));
  return {
    '/api/roadmap': { get: { summary: 'Дорожная карта организации: этап, мероприятия, чего не хватает, доступные шаги', responses: { 200: ok('Дорожная карта; ETag — версия'), 401: problem } } },
    ...steps,
    '/api/banks/mentees/{personId}/suggestions': {
      get: { summary: 'Подбор наставников для наставляемого (п. 3.5, 6.1): рекомендация с объяснением', parameters: [path('personId')], responses: { 200: ok('{mentee, items, note}'), 403: problem, 404: problem } },
    },
    '/api/surveys/questionnaires': { get: { summary: 'Анкеты этапов 3 и 6 дорожной карты и схемы ответов', responses: { 200: ok('{items}') } } },
    '/api/surveys': {
      get: { summary: 'Опросы организации', responses: { 200: ok('{items, total}') } },
      post: { summary: 'Начать анкетирование (куратор)', parameters: [idempotency], requestBody: json(openSurveyBody), responses: { 201: ok('{id}'), ...errors } },
    },
    '/api/surveys/{id}': { get: { summary: 'Опрос: анкета; для заведующего, куратора, методсовета и аудитора — сводка и ответы', parameters: [path('id')], responses: { 200: ok('Опрос'), 404: problem } } },
    '/api/surveys/{id}/responses': {
      post: { summary: 'Ответить на анкету (схема — answerSchema анкеты)', parameters: [path('id'), idempotency], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 201: ok('{id, revision}'), ...errors } },
    },
    '/api/surveys/{id}/close': { post: { summary: 'Завершить анкетирование (куратор)', parameters: [path('id'), idempotency], requestBody: json(closeSurveyBody), responses: { 200: ok('{id, revision}'), ...errors } } },
  };
}
