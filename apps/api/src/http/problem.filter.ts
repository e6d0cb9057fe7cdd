import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyError, StoreUnavailableError } from '../../../../libs/event-store/src/event-store.port';
import { DomainError, type Refusal, type RefusalKind } from '../../../../state-machines/shared/domain-error';

const STATUS: Record<RefusalKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, state: 409, conflict: 409, precondition: 412, rule: 422, unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Неверный запрос', 401: 'Требуется вход', 403: 'Нет прав', 404: 'Не найдено', 405: 'Метод не поддерживается', 409: 'Шаг сейчас невозможен',
  412: 'Данные устарели', 413: 'Слишком большой запрос', 415: 'Неподдерживаемый формат', 422: 'Отказ по правилам Положения', 500: 'Внутренняя ошибка', 503: 'Сервис недоступен',
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
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const refusal = this.toRefusal(exception);
    const status = refusal.status;
    if (status >= 500) this.logger.error(`${req.method} ${req.route?.path ?? 'unknown'} → ${status} ${(exception as Error)?.name ?? 'Error'} requestId=${req.id}`, (exception as Error)?.stack);
    const { details, kind: _kind, ...rest } = refusal.body;
    res
      .status(status)
      .type('application/problem+json')
      .json({ type: `/problems/${rest.code}`, title: TITLES[status] ?? 'Ошибка', status, detail: rest.message, ...rest, ...details, instance: req.originalUrl, requestId: req.id });
  }

  private toRefusal(e: unknown): { status: number; body: Refusal } {
    if (e instanceof DomainError) return { status: STATUS[e.refusal.kind], body: e.refusal };
    if (e instanceof ConcurrencyError) {
      return { status: 409, body: { kind: 'conflict', code: 'concurrent-change', message: 'Данные одновременно изменил другой пользователь; ничего не записано. Повторите шаг.' } };
    }
    if (e instanceof StoreUnavailableError) {
      return { status: 503, body: { kind: 'unavailable', code: 'store-unavailable', message: 'Хранилище событий недоступно; шаг не записан. Повторите позже.' } };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const parse = status === 400 && /JSON/i.test(e.message);
      const code = parse ? 'invalid-json' : status === 404 ? 'not-found' : status === 413 ? 'payload-too-large' : `http-${status}`;
      const message = parse ? 'Тело запроса — не корректный JSON.' : status === 404 ? 'Такого адреса нет.' : status === 413 ? 'Запрос слишком большой.' : TITLES[status] ?? 'Ошибка запроса.';
      return { status, body: { kind: 'invalid', code, message } };
    }
    return { status: 500, body: { kind: 'unavailable', code: 'internal-error', message: 'Внутренняя ошибка сервера; шаг не записан. Сообщите администратору номер запроса.' } };
  }
}
