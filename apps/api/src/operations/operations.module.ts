import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { ProjectionLagMonitor } from './projection-lag.monitor';
import { RequestObserver } from './request-observer';

/** What an operator watches: request logs, Prometheus metrics (`/api/metrics`) and the projections' lag (metrics, readiness). */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, RequestObserver, ProjectionLagMonitor],
  exports: [MetricsService, RequestObserver, ProjectionLagMonitor],
})
export class OperationsModule {}
