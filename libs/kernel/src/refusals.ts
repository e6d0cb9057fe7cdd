import { DomainError } from '#core/shared';

export const notFound = (what: string): DomainError =>
  new DomainError({ kind: 'not-found', code: 'not-found', message: `${what} не найдено.` });

export const staleRevision = (expected: number, actual: number): DomainError =>
  new DomainError({
    kind: 'precondition',
    code: 'stale-revision',
    message: 'Данные изменились, пока вы заполняли форму: шаг не записан. Обновите страницу и повторите шаг.',
    details: { expected, actual },
  });

export const concurrentChange = (): DomainError =>
  new DomainError({
    kind: 'conflict',
    code: 'concurrent-change',
    message: 'Одновременно с вами этот шаг изменил другой пользователь. Ничего не записано: обновите данные и повторите.',
  });

export const idempotencyKeyReused = (): DomainError =>
  new DomainError({
    kind: 'rule',
    code: 'idempotency-key-reused',
    message: 'Этот Idempotency-Key уже использован для другого запроса. Для нового шага нужен новый ключ.',
  });
