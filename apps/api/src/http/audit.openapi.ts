const ok = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: type === 'application/json' ? { type: 'object' } : { type: 'string' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { 400: problem, 401: problem, 403: problem };
const q = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, schema, description });
const anchor = [
  q('count', 'Число событий цепочки из прежнего акта проверки', { type: 'integer', minimum: 1 }),
  q('head', 'Контрольная сумма из того же акта (64 шестнадцатеричных знака)'),
];

/** Tamper evidence and audit packages (docs/integrity.md). */
export function auditPaths(): Record<string, object> {
  return {
    '/api/audit/verify': {
      get: { summary: 'Проверить цепочку целостности журнала организации', parameters: anchor, responses: { 200: ok('{intact, checked, unsealed, chains, firstBreak?, summary}'), ...errors } },
    },
    '/api/audit/verify/statement': {
      get: { summary: 'Акт проверки целостности журнала (HTML для печати)', parameters: anchor, responses: { 200: ok('Акт', 'text/html'), ...errors } },
    },
    '/api/audit/export': {
      get: {
        summary: 'Пакет аудита за период или по наставничеству',
        parameters: [
          q('from', 'Начало периода (ГГГГ-ММ-ДД)', { type: 'string', format: 'date' }), q('to', 'Конец периода (ГГГГ-ММ-ДД)', { type: 'string', format: 'date' }),
          q('mentorshipId', 'Наставничество (вместо периода)'), q('format', 'json или html', { type: 'string', enum: ['json', 'html'] }),
        ],
        responses: { 200: { description: 'События, хронология и акт проверки', content: { 'application/json': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } }, ...errors, 404: problem },
      },
    },
  };
}
