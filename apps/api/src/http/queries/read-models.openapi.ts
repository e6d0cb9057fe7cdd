import { z } from 'zod';
import { deadlineParams, mentorshipListParams } from '#libs/projections';
import { monitoringParams } from '#libs/reports';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const after = { name: 'after', in: 'query', required: false, schema: { type: 'string' }, description: 'Позиция записи ("commit/prepare") из ответа на шаг: дождаться её отражения (до 2 с), иначе stale: true.' };
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** Query parameters generated from the same zod schema that validates them. */
function queryParams(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties).map(([name, s]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, schema: s, description: s.description,
  }));
}

/** Adds the read side's operations to the document's paths (a path may already have a POST). */
export function withReadModelPaths(paths: Record<string, object>): Record<string, object> {
  const out = { ...paths };
  for (const [p, ops] of Object.entries(readModelPaths())) out[p] = { ...out[p], ...ops };
  return out;
}

function readModelPaths(): Record<string, object> {
  const pub = (summary: string) => ({ get: { summary, security: [], parameters: [path('orgId'), after], responses: { 200: ok(summary) } } });
  return {
    '/api/mentorships': { get: { summary: 'Список наставничеств (фильтры, страницы)', parameters: queryParams(mentorshipListParams), responses: { 200: ok('{items, total, page, pageSize, position, stale}'), 400: problem, 401: problem, 403: problem } } },
    '/api/mentors/{id}/load': { get: { summary: 'Нагрузка наставника: наставляемые против предела 3 (п. 3.7)', parameters: [path('id'), after], responses: { 200: ok('Нагрузка'), 403: problem, 404: problem } } },
    '/api/deadlines': { get: { summary: 'Сроки: просроченные и наступающие в горизонте', parameters: queryParams(deadlineParams), responses: { 200: ok('{items, overdue, upcoming}'), 400: problem } } },
    '/api/banks/mentors': { get: { summary: 'База наставников с нагрузкой (п. 3.8)', parameters: [after], responses: { 200: ok('{items, total}'), 403: problem } } },
    '/api/banks/mentees': { get: { summary: 'Банк наставляемых и срок его ежегодной актуализации (п. 3.4)', parameters: [after], responses: { 200: ok('{items, total, update}'), 403: problem } } },
    '/api/reports/monitoring': {
      get: {
        summary: 'Отчёт о мониторинге (п. 3.4): JSON, CSV или XLSX',
        parameters: queryParams(monitoringParams),
        responses: { 200: { description: 'Отчёт', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, 400: problem, 403: problem },
      },
    },
    '/api/public/{orgId}': pub('Раздел сайта (п. 8): программы, итоги, базы — только открытые сведения'),
    '/api/public/{orgId}/programs': pub('Реализуемые программы'),
    '/api/public/{orgId}/results': pub('Итоги завершённых программ после публикации (п. 8.2)'),
    '/api/public/{orgId}/mentors': pub('База наставников: ФИО, должность, компетенции'),
    '/api/public/{orgId}/mentees': pub('Банк наставляемых: должность и запросы, без ФИО'),
    '/api/health/projections': { get: { summary: 'Отставание проекций от журнала: только с этой машины, а с METRICS_TOKEN — только по нему', security: [], responses: { 200: ok('{status, mode, generation, projections}') } } },
  };
}
