import { z } from 'zod';
import { attachBody, DOCUMENT_KINDS, documentParams } from '#libs/documents';

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 404: problem, 409: problem };
const path = (name: string, schema: object = { type: 'string' }) => ({ name, in: 'path', required: true, schema });

/** The regulation's documents of a mentorship: DOCX and printable HTML. */
export function documentPaths(): Record<string, object> {
  const q = z.toJSONSchema(documentParams, { io: 'input' }) as { properties: Record<string, { description?: string }> };
  const { $schema: _drop, ...bodySchema } = z.toJSONSchema(attachBody, { io: 'input' }) as Record<string, unknown>;
  return {
    '/api/mentorships/{id}/documents': { get: { summary: 'Документы наставничества и шаги, к которым они прикреплены', parameters: [path('id')], responses: { 200: ok('{items}'), ...errors } } },
    '/api/mentorships/{id}/documents/{kind}': {
      get: {
        summary: 'Документ (приказ, согласие, отчёт) в DOCX или HTML для печати',
        parameters: [path('id'), path('kind', { enum: DOCUMENT_KINDS }), ...Object.entries(q.properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s, description: s.description }))],
        responses: {
          200: {
            description: 'Файл; X-Content-Hash — SHA-256 содержания, X-Document-Id — запись о прикреплении к шагу',
            content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {}, 'text/html': {} },
          },
          ...errors,
        },
      },
      post: {
        summary: 'Прикрепить окончательный документ к его шагу вручную (куратор, заведующий): для шага, записанного до того, как шаги стали прикреплять свои документы',
        parameters: [path('id'), path('kind', { enum: DOCUMENT_KINDS })],
        requestBody: { required: false, content: { 'application/json': { schema: bodySchema } } },
        responses: { 201: ok('Запись о прикреплении (documentId, step, contentHash)'), 200: ok('Документ уже был прикреплён'), 403: problem, ...errors },
      },
    },
  };
}
