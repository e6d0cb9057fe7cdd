import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { Public } from '#libs/auth';
import { MetricsService } from './metrics.service';
import { OperatorAccessGuard } from './operator-access.guard';

/** Prometheus text format: from this machine, or with `METRICS_TOKEN` set only for `Authorization: Bearer <it>`. */
@Controller('metrics')
@Public()
@UseGuards(OperatorAccessGuard)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
