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
    '/api/audit/checkpoints': {
      get: { summary: 'Контрольные суммы журнала организации: имя журнала, ключи подписи, свидетель, подписанные контрольные суммы', responses: { 200: ok('{origin, size, keys, witness, checkpoints}'), ...errors } },
    },
    '/api/audit/proofs/inclusion': {
      get: {
        summary: 'Доказательство включения одного события (c2sp.org/tlog-proof@v1; проверяется tools/verify-proof.mjs)',
        parameters: [
          { ...q('stream', 'Поток события (mentorship-…)'), required: true }, { ...q('revision', 'Версия события в потоке', { type: 'integer', minimum: 0 }), required: true },
          q('size', 'Число событий подписанной контрольной суммы (по умолчанию — заверенной свидетелем последней)', { type: 'integer', minimum: 1 }),
        ],
        responses: { 200: ok('Доказательство', 'text/plain'), ...errors, 404: problem, 409: problem },
      },
    },
    '/api/audit/proofs/consistency': {
      get: {
        summary: 'Доказательство согласованности двух контрольных сумм журнала (mentorship-engine/tlog-consistency@v1)',
        parameters: [
          { ...q('from', 'Число событий прежней контрольной суммы', { type: 'integer', minimum: 0 }), required: true },
          q('to', 'Число событий новой (по умолчанию — последней)', { type: 'integer', minimum: 0 }),
        ],
        responses: { 200: ok('Доказательство', 'text/plain'), ...errors, 404: problem },
      },
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
