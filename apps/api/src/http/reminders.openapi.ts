const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

/** Reminders of the regulation's deadlines (§3.4, §3.6, §3.7). */
export function reminderPaths(): Record<string, object> {
  return {
    '/api/reminders': { get: { summary: 'Мои напоминания о сроках и эскалации', responses: { 200: ok('{today, open, items}'), 401: problem } } },
    '/api/reminders/run': {
      post: {
        summary: 'Разослать напоминания сейчас (администратор)',
        parameters: [{ name: 'after', in: 'query', required: false, schema: { type: 'string' }, description: 'Дождаться отражения этой позиции журнала' }],
        responses: { 200: ok('{today, recorded, emailed, failed}'), 401: problem, 403: problem },
      },
    },
  };
}
