import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { RequestObserver } from './request-observer';

/** What an operator watches: request logs and Prometheus metrics (`/api/metrics`). */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, RequestObserver],
  exports: [MetricsService, RequestObserver],
})
export class OperationsModule {}
