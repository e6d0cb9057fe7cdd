import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError, StoreUnavailableError, type StoreFailureReason } from '#libs/event-store';
import { DomainError, type Refusal, type RefusalKind } from '#core/shared';
import { JSON_LIMITS, routeOf, type HttpReply, type HttpRequest } from '#libs/kernel';
import { noteProblem } from '../operations/request-observer';

const STATUS: Record<RefusalKind, number> = {
  invalid: 400, 'too-large': 413, unauthenticated: 401, forbidden: 403, 'not-found': 404, state: 409, conflict: 409, precondition: 412, rule: 422, 'rate-limited': 429, unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Данные не приняты', 401: 'Требуется вход', 403: 'Нет прав', 404: 'Не найдено', 405: 'Метод не поддерживается', 409: 'Шаг сейчас невозможен',
  412: 'Данные устарели', 413: 'Слишком большой запрос', 415: 'Неподдерживаемый формат', 422: 'Отказ по правилам Положения', 429: 'Слишком много запросов', 500: 'Внутренняя ошибка', 503: 'Сервис недоступен',
};

/** What the operator must fix differs, so each store failure says which it is; none of them damaged what was stored. */
const STORE_FAILURES: Record<StoreFailureReason, { code: string; message: string }> = {
  'disk-full': {
    code: 'store-disk-full',
    message: 'На диске сервера закончилось место: шаг не записан, сохранённые данные не повреждены. Сообщите администратору и повторите шаг, когда место освободят.',
  },
  'read-only': {
    code: 'store-read-only',
    message: 'Хранилище событий сейчас доступно только для чтения: шаг не записан, просмотр работает. Сообщите администратору (права на каталог данных или файловую систему).',
  },
  unavailable: { code: 'store-unavailable', message: 'Хранилище событий недоступно; шаг не записан. Повторите позже.' },
};

/**
 * Every refusal as `application/problem+json` (RFC 9457) with a stable `code`, a Russian
 * `detail`, and the regulation `clause` when a rule refused. Logs carry codes and ids only,
 * never a request body or a person's data.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<HttpReply>();
    const req = host.switchToHttp().getRequest<HttpRequest & { originalUrl: string }>();
    const refusal = this.toRefusal(exception);
    const status = refusal.status;
    if (status >= 500) this.logger.error(`${req.method} ${routeOf(req) ?? 'unknown'} → ${status} ${(exception as Error)?.name ?? 'Error'} requestId=${req.id}`, (exception as Error)?.stack);
    const { details, kind, ...rest } = refusal.body;
    noteProblem(res, { code: rest.code, kind });
    res.status(status);
    res.header('Content-Type', 'application/problem+json; charset=utf-8');
    res.send(JSON.stringify({ type: `/problems/${rest.code}`, title: TITLES[status] ?? 'Ошибка', status, detail: rest.message, ...rest, ...details, instance: req.originalUrl, requestId: req.id }));
  }

  private toRefusal(e: unknown): { status: number; body: Refusal } {
    if (e instanceof DomainError) return { status: STATUS[e.refusal.kind], body: e.refusal };
    if (e instanceof ConcurrencyError) {
      return { status: 409, body: { kind: 'conflict', code: 'concurrent-change', message: 'Данные одновременно изменил другой пользователь; ничего не записано. Повторите шаг.' } };
    }
    if (e instanceof StoreUnavailableError) return { status: 503, body: { kind: 'unavailable', ...STORE_FAILURES[e.reason] } };
    const status = e instanceof HttpException ? e.getStatus() : clientErrorStatus(e);
    if (status !== undefined) {
      const parse = status === 400 && /JSON/i.test((e as Error).message);
      const code = parse ? 'invalid-json' : status === 404 ? 'not-found' : status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : `http-${status}`;
      const message = parse ? 'Тело запроса — не корректный JSON.'
        : status === 404 ? 'Такого адреса нет.'
          : status === 413 ? tooLarge(e)
            : status === 415 ? 'Тело запроса принимается только как JSON в кодировке UTF-8.'
              : TITLES[status] ?? 'Ошибка запроса.';
      return { status, body: { kind: 'invalid', code, message } };
    }
    return { status: 500, body: { kind: 'unavailable', code: 'internal-error', message: 'Внутренняя ошибка сервера; шаг не записан. Сообщите администратору номер запроса.' } };
  }
}

/** The body parser says which limit a body broke; a file's limit is the route's own. */
const tooLarge = (e: unknown) =>
  (e as { type?: unknown } | null)?.type === 'entity.too.large' ? `Тело запроса больше ${JSON_LIMITS.bodyBytes / 1024} КБ.` : 'Запрос слишком большой.';

/** Errors of body-parser (an unsupported charset, a bad encoding, …) carry a 4xx `status` of their own; Nest makes Fastify's HttpExceptions. */
function clientErrorStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown; expose?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (e as { expose?: unknown }).expose === true ? status : undefined;
}
