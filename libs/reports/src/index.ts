export * from './monitoring-report.csv';
export * from './monitoring-report.definitions';
export * from './monitoring-report.document';
export * from './monitoring-report.html';
export * from './monitoring-report.labels';
export * from './monitoring-report.service';
export * from './monitoring-report.xlsx';
export * from './reports.module';
