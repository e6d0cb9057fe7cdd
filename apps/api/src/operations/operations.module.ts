import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { ProjectionLagMonitor } from './projection-lag.monitor';
import { ProjectorThreadService } from './projector-thread.service';
import { RequestObserver } from './request-observer';

/** What an operator watches: request logs, Prometheus metrics (`/api/metrics`) and the projections' lag (metrics, readiness); the projector's thread. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, RequestObserver, ProjectionLagMonitor, ProjectorThreadService],
  exports: [MetricsService, RequestObserver, ProjectionLagMonitor],
})
export class OperationsModule {}
