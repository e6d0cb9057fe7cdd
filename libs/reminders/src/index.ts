export * from './reminders.config';
export * from './reminders.module';
export * from './reminders.service';
export * from './reminders.query';
