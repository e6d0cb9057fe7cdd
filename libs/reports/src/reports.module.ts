import { Module } from '@nestjs/common';
import { MonitoringReportService } from './monitoring-report.service';

/** Reports read the read models (ReadModels comes from the global ProjectionsModule). */
@Module({
  providers: [MonitoringReportService],
  exports: [MonitoringReportService],
})
export class ReportsModule {}
