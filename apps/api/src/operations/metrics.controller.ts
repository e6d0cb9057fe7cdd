import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { Public } from '#libs/auth';
import { DomainError } from '#core/shared';
import { CONFIG, type Config } from '#libs/kernel';
import { MetricsService } from './metrics.service';

/** Prometheus text format. Open on a private network; with `METRICS_TOKEN` set, only for `Authorization: Bearer <it>`. */
@Controller('metrics')
@Public()
export class MetricsController {
  private readonly token: string | undefined;

  constructor(private readonly metrics: MetricsService, @Inject(CONFIG) config: Config) {
    this.token = config.METRICS_TOKEN;
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.token && authorization !== `Bearer ${this.token}`) {
      throw new DomainError({ kind: 'unauthenticated', code: 'unauthenticated', message: 'Метрики доступны только с токеном METRICS_TOKEN.' });
    }
    return this.metrics.registry.metrics();
  }
}
