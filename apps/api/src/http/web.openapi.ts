/** Paths the web interface and operators use (and audit views built on the log): documented like every other route. */
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const problem = { description: 'Отказ (application/problem+json)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, description: string, required = false) => ({ name, in: 'query', required, schema: { type: 'string' }, description });

export function webPaths(): Record<string, unknown> {
  return {
    '/api/mentorships/{id}/history': {
      get: { summary: 'История наставничества: каждое событие по порядку, документ, исполнитель, состояние после него', parameters: [id], responses: { 200: ok('{events[]}'), 403: problem, 404: problem } },
    },
    '/api/audit/organisation': {
      get: { summary: 'Организация на дату: кто кого наставлял, банки, согласия', parameters: [query('asOf', 'Дата ГГГГ-ММ-ДД', true)], responses: { 200: ok('Сведения на дату'), 400: problem, 403: problem } },
    },
    '/api/session': { get: { summary: 'Кто вошёл: роли, сегодняшняя дата организации, доступные разделы', responses: { 200: ok('Сеанс'), 401: problem } } },
    '/api/lifecycle': { get: { summary: 'Состояния и переходы машины наставничества (для схемы)', responses: { 200: ok('{states, transitions}') } } },
    '/api/vocabulary': { get: { summary: 'Русские названия состояний, шагов, ролей и перечислений', responses: { 200: ok('Словарь') } } },
    '/api/tasks': { get: { summary: 'Мои задачи: незавершённые наставничества и шаги, доступные мне сейчас', parameters: [query('after', 'Позиция журнала: дождаться моделей чтения')], responses: { 200: ok('{items[]}') } } },
    '/api/staff': { get: { summary: 'Сотрудники: согласия, отзыв согласия, уничтожение данных, банки', responses: { 200: ok('{items[], total}'), 403: problem } } },
    '/api/people/import': {
      post: {
        summary: 'Загрузка списка сотрудников (CSV или XLSX, поле file); dryRun=true — только проверка',
        parameters: [query('dryRun', 'true: показать, что будет зарегистрировано и почему строки отклонены')],
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
        responses: { 200: ok('{accepted[], rejected[]}'), 400: problem, 403: problem },
      },
    },
    '/api/demo': {
      get: { summary: 'Можно ли загрузить демонстрационный детский сад (администратор, пустое хранилище)', responses: { 200: ok('{available}') } },
      post: { summary: 'Загрузить демонстрационный детский сад', responses: { 201: ok('Токены по ролям'), 403: problem, 409: problem } },
    },
    '/api/metrics': {
      get: { summary: 'Метрики Prometheus (текст): только с этой машины, а с METRICS_TOKEN — только по нему', security: [], responses: { 200: { description: 'text/plain; version=0.0.4' } } },
    },
  };
}
