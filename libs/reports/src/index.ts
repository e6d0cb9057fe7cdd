export * from './monitoring-report.csv';
export * from './monitoring-report.labels';
export * from './monitoring-report.service';
export * from './monitoring-report.xlsx';
export * from './reports.module';
