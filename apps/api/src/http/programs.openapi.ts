import { z } from 'zod';
import { draftParams, markBestCaseBody, retireTemplateBody, saveTemplateBody, withdrawBestCaseBody } from '#core/programs';
import { templateListParams } from '#libs/program-bank';

const schema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  return rest;
};
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const idempotency = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } };
const query = (s: z.ZodObject) => {
  const j = z.toJSONSchema(s, { io: 'input' }) as { properties: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(j.properties).map(([name, p]) => ({ name, in: 'query', required: j.required?.includes(name) ?? false, schema: p, description: p.description }));
};

/** The program bank (§3.4) and best cases (§8.1). */
export function programPaths(): Record<string, object> {
  return {
    '/api/program-templates': {
      post: { summary: 'Сохранить программу завершённого наставничества в банк (п. 3.4)', parameters: [idempotency], requestBody: json(saveTemplateBody), responses: { 201: ok('{id, template}'), ...errors } },
      get: { summary: 'Банк программ', parameters: query(templateListParams), responses: { 200: ok('{items}'), ...errors } },
    },
    '/api/program-templates/{id}': { get: { summary: 'Программа из банка', parameters: [path('id')], responses: { 200: ok('Программа'), ...errors } } },
    '/api/program-templates/{id}/draft': { get: { summary: 'Программа из банка как тело шага «Составить программу» для даты начала', parameters: [path('id'), ...query(draftParams)], responses: { 200: ok('{body, start, suggestedEnd}'), ...errors } } },
    '/api/program-templates/{id}/retire': { post: { summary: 'Исключить программу из банка', parameters: [path('id'), idempotency], requestBody: json(retireTemplateBody), responses: { 200: ok('Записано'), ...errors } } },
    '/api/mentorships/{id}/program-templates': { get: { summary: 'Программы банка, предложенные наставничеству (заполнены под его плановое начало)', parameters: [path('id')], responses: { 200: ok('{items}'), ...errors } } },
    '/api/best-cases': {
      post: { summary: 'Отметить лучший кейс для сайта (п. 8.1)', parameters: [idempotency], requestBody: json(markBestCaseBody), responses: { 201: ok('Записано'), ...errors } },
      get: { summary: 'Лучшие кейсы организации', responses: { 200: ok('{items}'), ...errors } },
    },
    '/api/best-cases/{id}/withdraw': { post: { summary: 'Снять отметку лучшего кейса', parameters: [path('id'), idempotency], requestBody: json(withdrawBestCaseBody), responses: { 200: ok('Записано'), ...errors } } },
    '/api/public/{orgId}/best-cases': { get: { summary: 'Лучшие кейсы (раздел сайта, п. 8.1)', security: [], parameters: [path('orgId')], responses: { 200: ok('{items}') } } },
  };
}
