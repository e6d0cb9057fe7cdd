import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { costlyKindOf } from './costly-routes';
import { tooManyRequests } from './too-many-requests';
import { type HttpReply } from '#libs/kernel';

/**
 * @nestjs/throttler's guard over the costly routes (`costlyRouteThrottlers`), answering as every other
 * refusal does: a Russian problem with `Retry-After`, not the library's English text.
 */
@Injectable()
export class CostlyRoutesGuard extends ThrottlerGuard {
  /** Every throttler applies to its own kind of costly route only: any other request skips them all at once. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return costlyKindOf(context) === undefined;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests(
      context.switchToHttp().getResponse<HttpReply>(), detail.timeToBlockExpire, 'too-many-requests',
      'Слишком много тяжёлых запросов (проверка, выгрузка, документы, загрузка) с этого адреса за минуту.',
    );
  }
}
